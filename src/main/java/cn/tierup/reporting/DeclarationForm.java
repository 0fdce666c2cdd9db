package cn.tierup.reporting;

import cn.tierup.campaign.CampaignService;
import cn.tierup.grading.CaseView;
import cn.tierup.grading.CaseView.PastGrade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.GradingCases;
import cn.tierup.grading.MeetingView;
import cn.tierup.grading.Standard;
import cn.tierup.shared.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附件8 基层党组织分类定级申报表 for one organisation as .docx: A4, a bordered table in 宋体/仿宋 with the
 * organisation's facts, then each of the five steps with its date, attendance and result, and the last three
 * years' grades. A step not done yet leaves its cells empty, so the form can be printed at any stage and
 * filled by hand. Everything comes from {@link GradingCases#get}, which decides who may read it.
 */
@Service
public class DeclarationForm {

    public static final String TITLE = "基层党组织分类定级申报表";

    static final String LABEL_FONT = WordForms.LABEL_FONT;
    static final String TEXT_FONT = WordForms.TEXT_FONT;
    /**
     * The grid, 8,306 wide as the A4 page between Word's default margins: a step's name, the item, and the value
     * over two columns; the head rows use them as label|value|label|value.
     */
    private static final int[] GRID = {1500, 2100, 1700, 3006};

    private final GradingCases cases;
    private final CampaignService campaigns;
    private final Messages messages;

    private final cn.tierup.identity.People people;

    DeclarationForm(GradingCases cases, CampaignService campaigns, Messages messages, cn.tierup.identity.People people) {
        this.cases = cases;
        this.campaigns = campaigns;
        this.messages = messages;
        this.people = people;
    }

    /** Writes the form and returns the case it shows (for the file name). */
    @Transactional(readOnly = true)
    public CaseView write(long campaignId, long organizationId, OutputStream out) {
        CaseView k = cases.get(campaignId, organizationId);
        String campaignName = campaigns.get(campaignId).name();
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(120);
            text(title, TITLE, LABEL_FONT, 18, true);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            sub.setSpacingAfter(200);
            int year = k.org().year();
            text(sub, "（" + (campaignName.contains(String.valueOf(year)) ? campaignName : year + "年度　" + campaignName)
                    + "）", TEXT_FONT, 12, false);

            Form f = new Form(doc);
            f.pair("党组织名称", k.org().organizationName(), null, null);
            f.pair("所属领域", messages.get("Field." + k.org().field()), "书　　记", k.org().secretary());
            f.pair("党员人数", k.org().members() + " 名", "评定组织", k.org().authorityName());
            f.pair("定级标准", k.progress().schemeName(), "申报日期", k.self().selfAt() == null ? null : day(k.self().selfAt()));

            review(f, "一、群众初评", k.held().publicReview(), k.progress().standard(), "初评等次");
            review(f, "二、党员评议", k.held().memberReview(), k.progress().standard(), "评议等次");
            selfAssessment(f, k);
            deliberation(f, k);
            decision(f, k);
            history(f, k);
            f.step("意见及签章", List.of(
                    new String[] {"申报党组织意见", "\n书记（签字）：　　　　　　（盖章）\n　　　　　　　　　　　　年　　月　　日"},
                    new String[] {"评定组织意见", "\n负责人（签字）：　　　　　　（盖章）\n　　　　　　　　　　　　年　　月　　日"}));
            f.finish();

            XWPFParagraph note = doc.createParagraph();
            note.setSpacingBefore(120);
            text(note, "注：本表由平台根据各步骤登记的记录生成；得票、表决数以会议计票结果为准。未开展的步骤留空。", TEXT_FONT, 10, false);
            page(doc);
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return k;
    }

    // ---- the steps --------------------------------------------------------------------------------

    private void review(Form f, String name, MeetingView m, Standard standard, String resultLabel) {
        f.step(name, List.of(
                new String[] {"时间、地点", m == null ? null : day(m.heldOn()) + "　" + m.place()},
                new String[] {"参会人数", m == null ? null : "应到 " + m.expected() + " 人，实到 " + m.attendance() + " 人"},
                new String[] {"各等次得票", m == null ? null : votes(m.votes(), standard)},
                new String[] {resultLabel, m == null ? null : m.leadingGrade()}));
    }

    private void selfAssessment(Form f, CaseView k) {
        Standard.Evaluation e = k.self().evaluation();
        String score = null;
        String implied = null;
        String vetoes = null;
        if (e != null) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < k.progress().standard().dimensions().size() && i < e.dimensionTotals().size(); i++) {
                parts.add(k.progress().standard().dimensions().get(i).name() + " " + e.dimensionTotals().get(i) + "/"
                        + k.progress().standard().dimensions().get(i).points());
            }
            score = e.total() + " 分 / 满分 " + e.maximum() + " 分" + (parts.isEmpty() ? "" : "\n" + String.join("；", parts));
            implied = e.grade().name();
            vetoes = e.vetoed() ? String.join("；", e.vetoesHit()) : "无";
        }
        f.step("三、自评", List.of(
                new String[] {"自查评分", score},
                new String[] {"评分对应等次", implied},
                new String[] {"一票否决事项", vetoes},
                new String[] {"上级年度考核", k.self().annualAssessment()},
                new String[] {"自评等次", k.self().selfGrade()},
                new String[] {"自评说明", k.self().selfStatement()}));
    }

    private void deliberation(Form f, CaseView k) {
        MeetingView m = k.held().deliberation();
        String share = null;
        if (m != null && m.agree() != null) {
            share = "同意票占有效票 " + m.agreeShare() + "%（须超过 " + k.progress().passPercent() + "%），"
                    + (Boolean.TRUE.equals(m.passed()) ? "通过" : "未通过");
        }
        f.step("四、党员群众会议审议", List.of(
                new String[] {"时间、地点", m == null ? null : day(m.heldOn()) + "　" + m.place()},
                new String[] {"审议方式、人数", m == null ? null : messages.label(m.mode()) + "；应到 " + m.expected() + " 人，实到 "
                        + m.attendance() + " 人"},
                new String[] {"审议的自评等次", m == null ? null : m.proposedGrade()},
                new String[] {"发出、收回票数", m == null ? null : "发出 " + m.ballotsIssued() + " 张，收回 " + m.ballotsReturned() + " 张"},
                new String[] {"表决结果", m == null || m.agree() == null ? null : "同意 " + m.agree() + " 票，不同意 " + m.disagree()
                        + " 票，弃权 " + m.abstain() + " 票，无效 " + m.invalid() + " 票"},
                new String[] {"审议结论", share}));
    }

    private void decision(Form f, CaseView k) {
        CaseView.Decision d = k.decision();
        boolean done = d.decidedGrade() != null;
        f.step("五、上级评定", List.of(
                new String[] {"评定等次", d.decidedGrade()},
                new String[] {"与自评不同的理由", done ? (d.decisionReason() == null ? "与自评等次一致" : d.decisionReason()) : null},
                new String[] {"评定组织、经办人", done ? join(k.org().authorityName(), people.name(d.decidedBy())) : null},
                new String[] {"评定日期", done ? day(d.decidedAt()) : null}));
    }

    private void history(Form f, CaseView k) {
        List<String[]> rows = new ArrayList<>();
        for (int y = k.org().year() - 1; y >= k.org().year() - 3; y--) {
            int year = y;
            PastGrade p = k.history().stream().filter(h -> h.year() == year).findFirst().orElse(null);
            rows.add(new String[] {year + " 年", p == null ? null : p.grade() + "（" + day(p.decidedAt()) + " 评定）"});
        }
        f.step("近三年等次", rows);
    }

    // ---- words ------------------------------------------------------------------------------------

    private static String votes(Map<String, Integer> votes, Standard standard) {
        if (votes == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (GradeBand g : standard.grades()) {
            out.add(g.name() + " " + votes.getOrDefault(g.name(), 0) + " 票");
        }
        votes.keySet().stream().filter(n -> standard.grades().stream().noneMatch(g -> g.name().equals(n)))
                .forEach(n -> out.add(n + " " + votes.get(n) + " 票"));
        return String.join("，", out);
    }

    private static String day(LocalDate d) {
        return WordForms.day(d);
    }

    private static String day(LocalDateTime d) {
        return WordForms.day(d);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "　" + b;
    }

    // ---- the document -----------------------------------------------------------------------------

    private static void page(XWPFDocument doc) {
        WordForms.a4(doc);
    }

    /** A run in one font for every script, so Chinese and digits print alike. */
    static void text(XWPFParagraph p, String text, String font, int size, boolean bold) {
        WordForms.text(p, text, font, size, bold);
    }

    /** The bordered four-column table, built row by row. */
    private static final class Form {

        private final WordForms.Table table;

        Form(XWPFDocument doc) {
            table = new WordForms.Table(doc, GRID);
        }

        /** label | value | label | value; with no second pair the first value spans three columns. */
        void pair(String label1, String value1, String label2, String value2) {
            XWPFTableRow row = table.row();
            table.cell(row, 0, 1, label1, true);
            if (label2 == null) {
                table.cell(row, 1, 3, value1, false);
            } else {
                table.cell(row, 1, 1, value1, false);
                table.cell(row, 2, 1, label2, true);
                table.cell(row, 3, 1, value2, false);
            }
        }

        /** A step: its name down the first column, then one row per item with the value over two columns. */
        void step(String name, List<String[]> items) {
            for (int i = 0; i < items.size(); i++) {
                XWPFTableRow row = table.row();
                XWPFTableCell head = table.cell(row, 0, 1, i == 0 ? name : "", true);
                if (items.size() > 1) {
                    WordForms.Table.mergeDown(head, i == 0);
                }
                table.cell(row, 1, 1, items.get(i)[0], true);
                table.cell(row, 2, 2, items.get(i)[1], false);
            }
        }

        /** Drops the one-cell row a new table starts with. */
        void finish() {
            table.finish();
        }
    }
}
