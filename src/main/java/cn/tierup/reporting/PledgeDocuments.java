package cn.tierup.reporting;

import cn.tierup.pledge.BoardView;
import cn.tierup.pledge.PledgeSheet;
import cn.tierup.pledge.Fulfilment;
import cn.tierup.pledge.ItemSource;
import cn.tierup.pledge.PledgeStatus;
import cn.tierup.pledge.Pledges;
import cn.tierup.shared.Messages;
import cn.tierup.shared.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附件9 基层党组织公开承诺书 and 附件10 党员公开承诺书 as A4 .docx in the look of 附件8: who pledges, the year, the
 * goal (the organisation's) or the “五带头” (a member's), the numbered items — those taken up from residents
 * marked 群众点诺 — with how far each is fulfilled, and the rows to sign and seal; who signed it one level up
 * and when, once signed. A pledge not written yet gives the blank form to fill in by hand. Everything comes
 * from {@link Pledges#get}, which decides who may read it.
 */
@Service
public class PledgeDocuments {

    public static final String ORGANISATION_TITLE = "基层党组织公开承诺书";
    public static final String MEMBER_TITLE = "党员公开承诺书";
    static final String FIVE_LEADS = "对照“五带头”作出承诺：带头学习提高、带头争创佳绩、带头服务群众、带头遵纪守法、带头弘扬正气。";
    static final String SUGGESTED = "（群众点诺）";

    /** 序号 | the item over two columns | 践诺情况; the head and signature rows use label (two) | value (two). */
    private static final int[] GRID = {900, 1500, 3406, 2500};
    /** Empty item rows of a form not written yet. */
    private static final int BLANK_ROWS = 5;

    private final Pledges pledges;
    private final Messages messages;

    private final cn.tierup.identity.People people;

    PledgeDocuments(Pledges pledges, Messages messages, cn.tierup.identity.People people) {
        this.pledges = pledges;
        this.messages = messages;
        this.people = people;
    }

    /** Writes the organisation's 承诺书 and returns its board (for the file name). */
    @Transactional(readOnly = true)
    public BoardView writeOrganisation(long campaignId, long organizationId, OutputStream out) {
        BoardView b = pledges.get(campaignId, organizationId);
        PledgeSheet p = b.organisationPledge();
        try (XWPFDocument doc = new XWPFDocument()) {
            head(doc, ORGANISATION_TITLE, b.year(), p);
            WordForms.Table t = new WordForms.Table(doc, GRID);
            pair(t, "党组织名称", b.organizationName());
            pair(t, "承诺年度", b.year() + "年度");
            pair(t, "上级党组织", b.authorityName());
            pair(t, "争创目标", p == null ? null : p.goal());
            items(t, p);
            pair(t, "党组织（盖章）", null);
            pair(t, "书记签字", null);
            pair(t, "日期", p == null || !handedIn(p) ? null : WordForms.day(p.submittedAt()));
            pair(t, "上级党组织签订", signed(p) ? b.authorityName() + "　签订人：" + people.name(p.signedBy()) : null);
            pair(t, "签订日期", signed(p) ? WordForms.day(p.signedAt()) : null);
            t.finish();
            note(doc, "注：承诺书经上级党组织签订后即为目标责任书，向社会公开，接受群众监督。标注“群众点诺”的事项采纳自群众建议；"
                    + "践诺情况由平台根据各事项登记的兑现情况生成，尚未开始的留空。");
            WordForms.a4(doc);
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b;
    }

    /** Writes one member's 党员公开承诺书 and returns it (for the file name); a member without one is not found. */
    @Transactional(readOnly = true)
    public PledgeSheet writeMember(long campaignId, long organizationId, long memberId, OutputStream out) {
        BoardView b = pledges.get(campaignId, organizationId);
        PledgeSheet p = b.memberPledges().stream().filter(x -> Long.valueOf(memberId).equals(x.memberId())).findFirst()
                .orElseThrow(() -> new NotFoundException("pledge", memberId));
        try (XWPFDocument doc = new XWPFDocument()) {
            head(doc, MEMBER_TITLE, b.year(), p);
            WordForms.Table t = new WordForms.Table(doc, GRID);
            pair(t, "姓名", p.pledgerName());
            pair(t, "所在党组织", b.organizationName());
            pair(t, "承诺年度", b.year() + "年度");
            pair(t, "承诺要求", FIVE_LEADS);
            items(t, p);
            pair(t, "党员签字", null);
            pair(t, "日期", handedIn(p) ? WordForms.day(p.submittedAt()) : null);
            pair(t, "党组织签订", signed(p) ? b.organizationName() + "　签订人：" + people.name(p.signedBy()) : null);
            pair(t, "签订日期", signed(p) ? WordForms.day(p.signedAt()) : null);
            t.finish();
            note(doc, "注：党员公开承诺书由所在党组织签订，经本人同意的可在公开页面显示姓名。践诺情况由平台根据各事项登记的兑现情况生成，"
                    + "尚未开始的留空。");
            WordForms.a4(doc);
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    // ---- parts ------------------------------------------------------------------------------------

    /** The title, then the year and — until it is signed — where the pledge stands. */
    private void head(XWPFDocument doc, String title, int year, PledgeSheet p) {
        WordForms.paragraph(doc, ParagraphAlignment.CENTER, 0, 120, title, WordForms.LABEL_FONT, 18, true);
        String state = p == null ? "未填写" : signed(p) ? null : messages.label(p.status());
        WordForms.paragraph(doc, ParagraphAlignment.CENTER, 0, 200, "（" + year + "年度" + (state == null ? "" : "　" + state) + "）",
                WordForms.TEXT_FONT, 12, false);
    }

    /** 序号 | 承诺事项 | 践诺情况, one row per item (or blank rows to fill in). */
    private void items(WordForms.Table t, PledgeSheet p) {
        XWPFTableRow head = t.row();
        t.cell(head, 0, 1, "序号", true);
        t.cell(head, 1, 2, "承诺事项", true);
        t.cell(head, 3, 1, "践诺情况", true);
        List<PledgeSheet.Item> items = p == null ? List.of() : p.items();
        for (PledgeSheet.Item i : items) {
            XWPFTableRow row = t.row(560);
            t.cell(row, 0, 1, String.valueOf(i.number()), false, ParagraphAlignment.CENTER);
            t.cell(row, 1, 2, i.text() + (i.source() == ItemSource.SUGGESTED ? SUGGESTED : ""), false);
            t.cell(row, 3, 1, fulfilment(i), false);
        }
        for (int n = 0; items.isEmpty() && n < BLANK_ROWS; n++) {
            XWPFTableRow row = t.row(560);
            t.cell(row, 0, 1, String.valueOf(n + 1), false, ParagraphAlignment.CENTER);
            t.cell(row, 1, 2, null, false);
            t.cell(row, 3, 1, null, false);
        }
    }

    /** 推进中, or 已兑现 / 未兑现 with how and when; nothing while not begun, to fill in by hand. */
    private String fulfilment(PledgeSheet.Item i) {
        if (i.status() == Fulfilment.PLEDGED) {
            return null;
        }
        StringBuilder s = new StringBuilder(messages.label(i.status()));
        if (i.doneOn() != null) {
            s.append("（").append(WordForms.day(i.doneOn())).append("）");
        }
        if (i.evidence() != null && !i.evidence().isBlank()) {
            s.append("\n").append(i.evidence());
        }
        return s.toString();
    }

    private static void pair(WordForms.Table t, String label, String value) {
        XWPFTableRow row = t.row();
        t.cell(row, 0, 2, label, true);
        t.cell(row, 2, 2, value, false);
    }

    private static void note(XWPFDocument doc, String text) {
        WordForms.paragraph(doc, ParagraphAlignment.LEFT, 120, 0, text, WordForms.TEXT_FONT, 10, false);
    }

    private static boolean handedIn(PledgeSheet p) {
        return p.submittedAt() != null && p.status() != PledgeStatus.DRAFT && p.status() != PledgeStatus.RETURNED;
    }

    private static boolean signed(PledgeSheet p) {
        return p != null && p.status() == PledgeStatus.SIGNED;
    }
}
