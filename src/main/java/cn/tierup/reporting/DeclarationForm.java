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
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
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

    static final String LABEL_FONT = "宋体";
    static final String TEXT_FONT = "仿宋";
    /** A4 in twentieths of a point, margins 2.54 cm / 3.18 cm as Word's default, so the table is 8,306 wide. */
    private static final int PAGE_W = 11906;
    private static final int PAGE_H = 16838;
    private static final int MARGIN_TB = 1440;
    private static final int MARGIN_LR = 1800;
    /** The grid: a step's name, the item, and the value over two columns; the head rows use them as label|value|label|value. */
    private static final int[] GRID = {1500, 2100, 1700, 3006};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final GradingCases cases;
    private final CampaignService campaigns;
    private final Messages messages;

    DeclarationForm(GradingCases cases, CampaignService campaigns, Messages messages) {
        this.cases = cases;
        this.campaigns = campaigns;
        this.messages = messages;
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
            text(sub, "（" + (campaignName.contains(String.valueOf(k.year())) ? campaignName : k.year() + "年度　" + campaignName)
                    + "）", TEXT_FONT, 12, false);

            Form f = new Form(doc);
            f.pair("党组织名称", k.organizationName(), null, null);
            f.pair("所属领域", messages.get("Field." + k.field()), "书　　记", k.secretary());
            f.pair("党员人数", k.members() + " 名", "评定组织", k.authorityName());
            f.pair("定级标准", k.schemeName(), "申报日期", k.selfAt() == null ? null : DAY.format(k.selfAt()));

            review(f, "一、群众初评", k.publicReview(), k.standard(), "初评等次");
            review(f, "二、党员评议", k.memberReview(), k.standard(), "评议等次");
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
        Standard.Evaluation e = k.evaluation();
        String score = null;
        String implied = null;
        String vetoes = null;
        if (e != null) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < k.standard().dimensions().size() && i < e.dimensionTotals().size(); i++) {
                parts.add(k.standard().dimensions().get(i).name() + " " + e.dimensionTotals().get(i) + "/"
                        + k.standard().dimensions().get(i).points());
            }
            score = e.total() + " 分 / 满分 " + e.maximum() + " 分" + (parts.isEmpty() ? "" : "\n" + String.join("；", parts));
            implied = e.grade().name();
            vetoes = e.vetoed() ? String.join("；", e.vetoesHit()) : "无";
        }
        f.step("三、自评", List.of(
                new String[] {"自查评分", score},
                new String[] {"评分对应等次", implied},
                new String[] {"一票否决事项", vetoes},
                new String[] {"上级年度考核", k.annualAssessment()},
                new String[] {"自评等次", k.selfGrade()},
                new String[] {"自评说明", k.selfStatement()}));
    }

    private void deliberation(Form f, CaseView k) {
        MeetingView m = k.deliberation();
        String share = null;
        if (m != null && m.agree() != null) {
            share = "同意票占有效票 " + m.agreeShare() + "%（须超过 " + k.passPercent() + "%），"
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
        boolean done = k.decidedGrade() != null;
        f.step("五、上级评定", List.of(
                new String[] {"评定等次", k.decidedGrade()},
                new String[] {"与自评不同的理由", done ? (k.decisionReason() == null ? "与自评等次一致" : k.decisionReason()) : null},
                new String[] {"评定组织、经办人", done ? join(k.authorityName(), k.decidedBy()) : null},
                new String[] {"评定日期", done ? day(k.decidedAt()) : null}));
    }

    private void history(Form f, CaseView k) {
        List<String[]> rows = new ArrayList<>();
        for (int y = k.year() - 1; y >= k.year() - 3; y--) {
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
        return d == null ? "" : DAY.format(d);
    }

    private static String day(LocalDateTime d) {
        return d == null ? "" : DAY.format(d);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "　" + b;
    }

    // ---- the document -----------------------------------------------------------------------------

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TB));
        mar.setBottom(BigInteger.valueOf(MARGIN_TB));
        mar.setLeft(BigInteger.valueOf(MARGIN_LR));
        mar.setRight(BigInteger.valueOf(MARGIN_LR));
    }

    /** A run in one font for every script, so Chinese and digits print alike. */
    static void text(XWPFParagraph p, String text, String font, int size, boolean bold) {
        String[] lines = (text == null ? "" : text).split("\n", -1);
        XWPFRun r = p.createRun();
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.cs);
        r.setLang("zh-CN");
        r.setFontSize(size);
        r.setBold(bold);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i], i);
        }
    }

    /** The bordered four-column table, built row by row. */
    private static final class Form {

        private final XWPFTable table;

        Form(XWPFDocument doc) {
            table = doc.createTable();
            table.setWidth(String.valueOf(sum(0, GRID.length)));
            table.setTopBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
            table.setBottomBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
            table.setLeftBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
            table.setRightBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
            table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
            table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
            table.setCellMargins(40, 100, 40, 100);
            CTTblLayoutType layout = table.getCTTbl().getTblPr().isSetTblLayout() ? table.getCTTbl().getTblPr().getTblLayout()
                    : table.getCTTbl().getTblPr().addNewTblLayout();
            layout.setType(STTblLayoutType.FIXED);
            CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
            while (grid.sizeOfGridColArray() > 0) {
                grid.removeGridCol(0);
            }
            for (int w : GRID) {
                grid.addNewGridCol().setW(BigInteger.valueOf(w));
            }
        }

        /** label | value | label | value; with no second pair the first value spans three columns. */
        void pair(String label1, String value1, String label2, String value2) {
            XWPFTableRow row = newRow();
            cell(row, 0, 1, label1, true);
            if (label2 == null) {
                cell(row, 1, 3, value1, false);
            } else {
                cell(row, 1, 1, value1, false);
                cell(row, 2, 1, label2, true);
                cell(row, 3, 1, value2, false);
            }
        }

        /** A step: its name down the first column, then one row per item with the value over two columns. */
        void step(String name, List<String[]> items) {
            for (int i = 0; i < items.size(); i++) {
                XWPFTableRow row = newRow();
                XWPFTableCell head = cell(row, 0, 1, i == 0 ? name : "", true);
                CTTcPr pr = head.getCTTc().isSetTcPr() ? head.getCTTc().getTcPr() : head.getCTTc().addNewTcPr();
                if (items.size() > 1) {
                    pr.addNewVMerge().setVal(i == 0 ? STMerge.RESTART : STMerge.CONTINUE);
                }
                cell(row, 1, 1, items.get(i)[0], true);
                cell(row, 2, 2, items.get(i)[1], false);
            }
        }

        private XWPFTableRow newRow() {
            XWPFTableRow row = table.insertNewTableRow(table.getNumberOfRows());
            row.setHeight(460);
            row.setHeightRule(TableRowHeightRule.AT_LEAST);
            row.setCantSplitRow(true);
            return row;
        }

        private XWPFTableCell cell(XWPFTableRow row, int col, int span, String value, boolean label) {
            XWPFTableCell c = row.addNewTableCell();
            c.setWidth(String.valueOf(sum(col, col + span)));
            if (span > 1) {
                CTTcPr pr = c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
                pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
            }
            c.setVerticalAlignment(XWPFVertAlign.CENTER);
            XWPFParagraph p = c.getParagraphs().isEmpty() ? c.addParagraph() : c.getParagraphs().get(0);
            p.setAlignment(label ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            p.setSpacingAfter(0);
            if (value != null && !value.isEmpty()) {
                text(p, value, label ? LABEL_FONT : TEXT_FONT, label ? 11 : 12, label);
            }
            return c;
        }

        /** Drops the one-cell row a new table starts with. */
        void finish() {
            table.removeRow(0);
        }

        private static int sum(int from, int to) {
            int s = 0;
            for (int i = from; i < to; i++) {
                s += GRID[i];
            }
            return s;
        }
    }
}
