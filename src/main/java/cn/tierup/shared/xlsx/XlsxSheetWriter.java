package cn.tierup.shared.xlsx;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * Writes a table the way offices print it: a merged title, an optional subtitle line, a bold bordered
 * header, the rows, and an optional closing line (totals). Streams rows, so large lists stay small
 * in memory (a window of {@value #WINDOW} rows; the rest waits in compressed temporary files, deleted on
 * {@link #close}). A table longer than a sheet holds ({@value #MAX_ROWS} rows) continues on further sheets
 * named "…（续2）", "…（续3）", each with the title and header again. A workbook may hold several such tables,
 * one per sheet ({@link #nextSheet}). Call {@link #finish(OutputStream)} once.
 */
public final class XlsxSheetWriter implements AutoCloseable {

    /** Rows a sheet of an .xlsx holds. */
    public static final int MAX_ROWS = 1_048_576;
    /** Rows kept in memory while writing. */
    static final int WINDOW = 200;

    private final SXSSFWorkbook workbook = new QuicklyCompressed(WINDOW);
    private final CellStyle titleStyle;
    private final CellStyle headerStyle;
    private final CellStyle bodyStyle;
    private final CellStyle wrapStyle;
    private final CellStyle footStyle;
    private final CellStyle noteStyle;
    private final CellStyle shareStyle;
    private final CellStyle footShareStyle;
    private Sheet sheet;
    private int columns;
    private int next;
    private java.util.Set<Integer> wrapped = java.util.Set.of();
    private int rowsPerSheet = MAX_ROWS;
    /** The current table's sheet, as begun, for its continuations. */
    private Runnable continuation;
    private int part;

    /** A column group of a two-row header: a label over its sub-columns, or one column spanning both rows. */
    public record HeaderGroup(String label, List<String> columns) {
        public static HeaderGroup single(String label) {
            return new HeaderGroup(label, List.of());
        }
    }

    /** A table with a two-row header: groups on the first row, their columns on the second, merged where single. */
    public static XlsxSheetWriter grouped(String sheetName, String title, String subtitle, List<HeaderGroup> groups, int[] widths) {
        return new XlsxSheetWriter(sheetName, title, subtitle, groups, widths, true);
    }

    public XlsxSheetWriter(String sheetName, String title, String subtitle, List<String> headers, int[] widths) {
        this(sheetName, title, subtitle, headers.stream().map(HeaderGroup::single).toList(), widths, false);
    }

    private XlsxSheetWriter(String sheetName, String title, String subtitle, List<HeaderGroup> groups, int[] widths,
                            boolean twoRows) {
        titleStyle = workbook.createCellStyle();
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        titleFont.setFontName("宋体");
        titleStyle.setFont(titleFont);
        titleStyle.setAlignment(HorizontalAlignment.CENTER);
        titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
        headerStyle = bordered();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        headerStyle.setAlignment(HorizontalAlignment.CENTER);
        headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);
        headerStyle.setWrapText(true);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        bodyStyle = bordered();
        wrapStyle = bordered();
        wrapStyle.setWrapText(true);
        footStyle = bordered();
        footStyle.setFont(bold);
        // shares and rates print with two decimals (Shares): 50 shows as 50.00
        short twoDecimals = workbook.createDataFormat().getFormat("0.00");
        shareStyle = bordered();
        shareStyle.setDataFormat(twoDecimals);
        footShareStyle = bordered();
        footShareStyle.setFont(bold);
        footShareStyle.setDataFormat(twoDecimals);
        noteStyle = workbook.createCellStyle();
        noteStyle.setWrapText(true);
        noteStyle.setVerticalAlignment(VerticalAlignment.TOP);
        begin(sheetName, title, subtitle, groups, widths, twoRows);
    }

    /**
     * Ends the current table and starts another on a new sheet of the same workbook, with a two-row grouped
     * header (a group without columns spans both rows); rows, footer and note then go to the new sheet.
     */
    public void nextSheet(String sheetName, String title, String subtitle, List<HeaderGroup> groups, int[] widths) {
        begin(sheetName, title, subtitle, groups, widths, true);
    }

    /** Body cells of these columns (from 0) of the current sheet wrap their text, e.g. a list of names. */
    public XlsxSheetWriter wrap(int... wrapColumns) {
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int c : wrapColumns) {
            set.add(c);
        }
        this.wrapped = set;
        return this;
    }

    /**
     * Rows per sheet before the table continues on the next, at most (and by default) {@link #MAX_ROWS}; lower
     * only to see the continuation without writing a million rows.
     */
    public XlsxSheetWriter rowsPerSheet(int rows) {
        if (rows < 8 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows per sheet: 8 to " + MAX_ROWS);
        }
        this.rowsPerSheet = rows;
        return this;
    }

    /**
     * A streaming workbook whose sheets wait in compressed temporary files (a province's roll is gigabytes of XML
     * before it is zipped into the file) and which compresses both those files and the .xlsx at deflate's fastest
     * level: the province's organisation list came in 4.0 s instead of 6.5 s, in a file of 11.0 MB instead of 8.4
     * (ExportBenchmark, see the README).
     */
    private static final class QuicklyCompressed extends SXSSFWorkbook {

        QuicklyCompressed(int window) {
            super(window);
            setCompressTempFiles(true);
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new GZIPSheetDataWriter(getSharedStringSource()) {
                @Override
                protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
                    return new GZIPOutputStream(file, 8192) {
                        {
                            def.setLevel(Deflater.BEST_SPEED);
                        }
                    };
                }
            };
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    private void begin(String sheetName, String title, String subtitle, List<HeaderGroup> groups, int[] widths,
                       boolean twoRows) {
        this.part = 1;
        this.continuation = () -> {
            java.util.Set<Integer> keep = wrapped;
            String suffix = "（续" + part + "）";
            start(sheetName + suffix, title == null ? null : title + suffix, subtitle, groups, widths, twoRows);
            wrapped = keep;
        };
        start(sheetName, title, subtitle, groups, widths, twoRows);
    }

    /** Room for one more row on the sheet, or the table goes on on a new one. */
    private void room() {
        if (next >= rowsPerSheet) {
            part++;
            continuation.run();
        }
    }

    private void start(String sheetName, String title, String subtitle, List<HeaderGroup> groups, int[] widths,
                       boolean twoRows) {
        this.sheet = workbook.createSheet(sheetName);
        this.next = 0;
        this.wrapped = java.util.Set.of();
        List<String> headers = new java.util.ArrayList<>();
        for (HeaderGroup g : groups) {
            if (g.columns().isEmpty()) {
                headers.add(g.label());
            } else {
                headers.addAll(g.columns());
            }
        }
        this.columns = headers.size();

        if (title != null) {
            Row t = sheet.createRow(next++);
            t.setHeightInPoints(28);
            Cell c = t.createCell(0);
            c.setCellValue(title);
            c.setCellStyle(titleStyle);
            if (columns > 1) {
                sheet.addMergedRegion(new CellRangeAddress(t.getRowNum(), t.getRowNum(), 0, columns - 1));
            }
        }
        if (subtitle != null) {
            Row s = sheet.createRow(next++);
            s.createCell(0).setCellValue(subtitle);
            if (columns > 1) {
                sheet.addMergedRegion(new CellRangeAddress(s.getRowNum(), s.getRowNum(), 0, columns - 1));
            }
        }
        if (twoRows) {
            Row top = sheet.createRow(next);
            Row sub = sheet.createRow(next + 1);
            top.setHeightInPoints(22);
            sub.setHeightInPoints(22);
            int col = 0;
            for (HeaderGroup g : groups) {
                int span = Math.max(1, g.columns().size());
                for (int i = 0; i < span; i++) {
                    Cell t = top.createCell(col + i);
                    t.setCellStyle(headerStyle);
                    Cell b = sub.createCell(col + i);
                    b.setCellStyle(headerStyle);
                    if (i == 0) {
                        t.setCellValue(g.label());
                    }
                    if (!g.columns().isEmpty()) {
                        b.setCellValue(g.columns().get(i));
                    }
                }
                if (g.columns().isEmpty()) {
                    sheet.addMergedRegion(new CellRangeAddress(next, next + 1, col, col));
                } else if (span > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(next, next, col, col + span - 1));
                }
                col += span;
            }
            next += 2;
        } else {
            Row h = sheet.createRow(next++);
            h.setHeightInPoints(22);
            for (int i = 0; i < columns; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(headerStyle);
            }
        }
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, (widths != null && i < widths.length ? widths[i] : 14) * 256);
        }
        sheet.createFreezePane(0, next);
    }

    private CellStyle bordered() {
        CellStyle s = workbook.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    /**
     * One data row; values may be String, Number, LocalDate, Boolean (是/否) or null. A BigDecimal is a share or
     * rate (see {@code Shares}) and shows its two decimals.
     */
    public void row(Object... values) {
        room();
        Row r = sheet.createRow(next++);
        for (int i = 0; i < columns; i++) {
            Cell c = r.createCell(i);
            c.setCellStyle(wrapped.contains(i) ? wrapStyle : bodyStyle);
            Object v = i < values.length ? values[i] : null;
            if (v instanceof java.math.BigDecimal d) {
                c.setCellValue(d.doubleValue());
                c.setCellStyle(shareStyle);
            } else if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                c.setCellValue(d.toString());
            } else if (v instanceof Boolean b) {
                c.setCellValue(b ? "是" : "否");
            } else if (v != null) {
                c.setCellValue(v.toString());
            }
        }
    }

    /** A closing line, e.g. 合计, merged over the columns before the last {@code numbers.length}. */
    public void footer(String label, Object... numbers) {
        room();
        Row r = sheet.createRow(next++);
        int labelSpan = columns - numbers.length;
        for (int i = 0; i < columns; i++) {
            Cell c = r.createCell(i);
            c.setCellStyle(footStyle);
            if (i == 0) {
                c.setCellValue(label);
            } else if (i >= labelSpan) {
                Object v = numbers[i - labelSpan];
                if (v instanceof java.math.BigDecimal d) {
                    c.setCellValue(d.doubleValue());
                    c.setCellStyle(footShareStyle);
                } else if (v instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                } else if (v != null) {
                    c.setCellValue(v.toString());
                }
            }
        }
        if (labelSpan > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, labelSpan - 1));
        }
    }

    /** A line of explanation under the table (e.g. how a share is computed), merged across it, without borders. */
    public void note(String text) {
        room();
        Row r = sheet.createRow(next++);
        Cell c = r.createCell(0);
        c.setCellValue(text);
        c.setCellStyle(noteStyle);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, columns - 1));
        }
    }

    public void finish(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }
}
