package cn.tierup.reporting;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

/**
 * What the .docx forms (附件8, 9, 10) share: A4 with Word's default margins, 宋体 for titles and labels and
 * 仿宋 for what is filled in, set for every script so Chinese and digits print alike, and a bordered table on
 * a fixed grid, built row by row.
 */
final class WordForms {

    static final String LABEL_FONT = "宋体";
    static final String TEXT_FONT = "仿宋";
    /** A4 in twentieths of a point, margins 2.54 cm / 3.18 cm as Word's default. */
    static final int PAGE_W = 11906;
    static final int PAGE_H = 16838;
    static final int MARGIN_TB = 1440;
    static final int MARGIN_LR = 1800;
    /** The width between the margins, which a table's grid fills. */
    static final int TEXT_W = PAGE_W - 2 * MARGIN_LR;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private WordForms() {
    }

    static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    static String day(LocalDateTime d) {
        return d == null ? "" : DAY.format(d);
    }

    /** A4 portrait with Word's default margins. */
    static void a4(XWPFDocument doc) {
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

    /** A paragraph of the body with one run of text. */
    static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, int before, int after, String text, String font,
                                   int size, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        text(p, text, font, size, bold);
        return p;
    }

    /** A run in one font for every script, so Chinese and digits print alike; a line break for each newline. */
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

    /** A bordered table with a fixed grid (column widths in twentieths of a point), built row by row. */
    static final class Table {

        private final XWPFTable table;
        private final int[] grid;

        Table(XWPFDocument doc, int... grid) {
            this.grid = grid.clone();
            table = doc.createTable();
            table.setWidth(String.valueOf(width(0, grid.length)));
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
            CTTblGrid g = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
            while (g.sizeOfGridColArray() > 0) {
                g.removeGridCol(0);
            }
            for (int w : grid) {
                g.addNewGridCol().setW(BigInteger.valueOf(w));
            }
        }

        /** A new last row, at least one line and a half high, not split over two pages. */
        XWPFTableRow row() {
            return row(460);
        }

        XWPFTableRow row(int minimumHeight) {
            XWPFTableRow row = table.insertNewTableRow(table.getNumberOfRows());
            row.setHeight(minimumHeight);
            row.setHeightRule(TableRowHeightRule.AT_LEAST);
            row.setCantSplitRow(true);
            return row;
        }

        /** A label (宋体, bold, centred) or a value (仿宋, left) over {@code span} grid columns from {@code col}. */
        XWPFTableCell cell(XWPFTableRow row, int col, int span, String value, boolean label) {
            return cell(row, col, span, value, label, label ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        }

        XWPFTableCell cell(XWPFTableRow row, int col, int span, String value, boolean label, ParagraphAlignment align) {
            XWPFTableCell c = row.addNewTableCell();
            c.setWidth(String.valueOf(width(col, col + span)));
            if (span > 1) {
                tcPr(c).addNewGridSpan().setVal(BigInteger.valueOf(span));
            }
            c.setVerticalAlignment(XWPFVertAlign.CENTER);
            XWPFParagraph p = c.getParagraphs().isEmpty() ? c.addParagraph() : c.getParagraphs().get(0);
            p.setAlignment(align);
            p.setSpacingAfter(0);
            if (value != null && !value.isEmpty()) {
                text(p, value, label ? LABEL_FONT : TEXT_FONT, label ? 11 : 12, label);
            }
            return c;
        }

        /** Merges a cell with the one above it ({@code first} starts a merged run down the column). */
        static void mergeDown(XWPFTableCell c, boolean first) {
            tcPr(c).addNewVMerge().setVal(first ? STMerge.RESTART : STMerge.CONTINUE);
        }

        /** Drops the one-cell row a new table starts with; call once all rows are in. */
        void finish() {
            table.removeRow(0);
        }

        int width(int from, int to) {
            int s = 0;
            for (int i = from; i < to; i++) {
                s += grid[i];
            }
            return s;
        }

        private static CTTcPr tcPr(XWPFTableCell c) {
            return c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
        }
    }
}
