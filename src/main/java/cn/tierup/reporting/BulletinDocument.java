package cn.tierup.reporting;

import cn.tierup.reporting.Cockpit.Block;
import cn.tierup.reporting.Cockpit.Row;
import cn.tierup.reporting.Cockpit.Table;
import cn.tierup.shared.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A 情况通报 as .docx, laid out as such bulletins are: the masthead (情况通报, 第N期, the issuer and the day), the title,
 * the addressee, the period it covers, then a section per cockpit block with its tables exactly as the page prints
 * them and how each figure is counted, the units lagging behind with the rule that names them, and the issuer's name
 * and day. Every figure comes from the blocks it is given.
 */
final class BulletinDocument {

    /** What a bulletin says; {@code first}: the campaign's first bulletin, whose period starts with the campaign. */
    record Content(String title, String issuer, String campaignName, int number, LocalDateTime issuedAt, LocalDate periodFrom,
                   boolean first, List<Block> blocks, String laggards, String laggardsRule, String issuedBy) {
    }

    private static final String[] SECTION = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

    private BulletinDocument() {
    }

    static byte[] render(Content c, Messages messages) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String day = WordForms.day(c.issuedAt());
            XWPFParagraph head = WordForms.paragraph(doc, ParagraphAlignment.CENTER, 0, 120,
                    messages.get("dashboard.bulletin.masthead"), WordForms.LABEL_FONT, 26, true);
            head.getRuns().get(0).setColor("C00000");
            WordForms.paragraph(doc, ParagraphAlignment.CENTER, 0, 120, messages.get("dashboard.bulletin.number", c.number()),
                    WordForms.TEXT_FONT, 16, false);
            XWPFParagraph line = WordForms.paragraph(doc, ParagraphAlignment.BOTH, 0, 360, c.issuer() + "　　　　" + day,
                    WordForms.TEXT_FONT, 14, false);
            line.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            WordForms.paragraph(doc, ParagraphAlignment.CENTER, 240, 240, c.title(), WordForms.LABEL_FONT, 18, true);
            WordForms.paragraph(doc, ParagraphAlignment.LEFT, 0, 120, messages.get("dashboard.bulletin.addressee"),
                    WordForms.TEXT_FONT, 14, false);
            String period = c.first() ? messages.get("dashboard.bulletin.period.first", WordForms.day(c.periodFrom()))
                    : messages.get("dashboard.bulletin.period.since", WordForms.day(c.periodFrom()));
            body(doc, messages.get("dashboard.bulletin.intro", period, day, c.campaignName(),
                    Bulletins.MINUTE.format(c.issuedAt())));
            int section = 0;
            int tableNo = 0;
            for (Block b : c.blocks()) {
                heading(doc, SECTION[section++] + "、" + b.title());
                if (b.note() != null) {
                    body(doc, b.note());
                }
                for (Table t : b.tables()) {
                    tableNo++;
                    WordForms.paragraph(doc, ParagraphAlignment.CENTER, 120, 60, "表" + tableNo + "　" + t.title(),
                            WordForms.LABEL_FONT, 11, true);
                    table(doc, t);
                }
                for (String d : b.definitions()) {
                    WordForms.paragraph(doc, ParagraphAlignment.LEFT, 40, 0, d, WordForms.TEXT_FONT, 9, false);
                }
            }
            heading(doc, SECTION[section] + "、" + messages.get("dashboard.bulletin.laggards.heading"));
            body(doc, c.laggards());
            WordForms.paragraph(doc, ParagraphAlignment.LEFT, 40, 0, c.laggardsRule(), WordForms.TEXT_FONT, 9, false);
            WordForms.paragraph(doc, ParagraphAlignment.RIGHT, 480, 0, c.issuer(), WordForms.TEXT_FONT, 14, false);
            WordForms.paragraph(doc, ParagraphAlignment.RIGHT, 0, 0, day, WordForms.TEXT_FONT, 14, false);
            WordForms.paragraph(doc, ParagraphAlignment.RIGHT, 120, 0, messages.get("dashboard.bulletin.issuedBy", c.issuedBy()),
                    WordForms.TEXT_FONT, 10, false);
            WordForms.a4(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A figure as the cockpit page prints it: rates with two decimals, nothing as —. */
    static String text(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof BigDecimal d) {
            return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue()).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return String.valueOf(v);
    }

    /** The block's table on the page's grid: the first column wider, the header row, the rows, 合计 last. */
    private static void table(XWPFDocument doc, Table t) {
        int n = t.columns().size();
        int first = n <= 2 ? WordForms.TEXT_W / 2 : Math.max(1400, WordForms.TEXT_W * 2 / (n + 1));
        int rest = n == 1 ? 0 : (WordForms.TEXT_W - first) / (n - 1);
        int[] grid = new int[n];
        for (int i = 0; i < n; i++) {
            grid[i] = i == 0 ? first : rest;
        }
        int size = n > 8 ? 8 : n > 5 ? 9 : 10;
        WordForms.Table table = new WordForms.Table(doc, grid);
        XWPFTableRow header = table.row(360);
        header.setRepeatHeader(true);
        for (int i = 0; i < n; i++) {
            cell(table, header, i, t.columns().get(i), true, size);
        }
        for (Row r : t.rows()) {
            row(table, r, size);
        }
        if (t.total() != null) {
            row(table, t.total(), size);
        }
        table.finish();
    }

    private static void row(WordForms.Table table, Row r, int size) {
        XWPFTableRow row = table.row(320);
        for (int i = 0; i < r.cells().size(); i++) {
            cell(table, row, i, text(r.cells().get(i)), false, size);
        }
    }

    private static void cell(WordForms.Table table, XWPFTableRow row, int col, String value, boolean label, int size) {
        XWPFTableCell c = row.addNewTableCell();
        c.setWidth(String.valueOf(table.width(col, col + 1)));
        c.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = c.getParagraphs().isEmpty() ? c.addParagraph() : c.getParagraphs().get(0);
        p.setAlignment(label || col > 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingAfter(0);
        WordForms.text(p, value, label ? WordForms.LABEL_FONT : WordForms.TEXT_FONT, size, label);
    }

    private static void heading(XWPFDocument doc, String text) {
        WordForms.paragraph(doc, ParagraphAlignment.LEFT, 240, 120, text, "黑体", 14, false);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = WordForms.paragraph(doc, ParagraphAlignment.BOTH, 0, 120, text, WordForms.TEXT_FONT, 14, false);
        p.setIndentationFirstLine(560);
    }
}
