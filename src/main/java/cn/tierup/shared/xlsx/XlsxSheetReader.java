package cn.tierup.shared.xlsx;

import cn.tierup.shared.DomainException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx as rows of header → text, streamed (POI's SAX event reader): a row is handed on
 * as it is parsed and nothing of the sheet is kept, so a file of 100,000 rows reads in a small heap. The header row is
 * found among the first rows by a column it must have (so a printed title above it is fine). Dates typed as Excel
 * dates come back as yyyy-MM-dd text; numbers without their ".0".
 */
public final class XlsxSheetReader {

    /** Rows looked at for the header: a title and a subtitle above it are common. */
    private static final int HEADER_SEARCH_ROWS = 6;
    private static final Pattern DIMENSION = Pattern.compile("<(?:\\w+:)?dimension\\s+ref=\"[A-Z]+(\\d+)(?::[A-Z]+(\\d+))?\"");

    private XlsxSheetReader() {
    }

    /** A data row: its number as Excel shows it (1-based) and its cells by header. */
    public record SheetRow(int number, Map<String, String> cells) {
        public boolean blank() {
            return cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }
    }

    public record SheetContent(List<String> headers, List<SheetRow> rows) {
    }

    /** Receives a sheet as it is read: its headers once, then every non-blank data row in order. */
    public interface RowSink {
        /**
         * @param headers   the header row's cells, normalised ({@link #normaliseHeader})
         * @param lastRow   the sheet's last row number as its own dimension says (0 when it does not say), for progress
         */
        void headers(List<String> headers, int lastRow);

        void row(SheetRow row);
    }

    /** The whole first sheet in memory: for small files (a station list, a test's download). */
    public static SheetContent read(byte[] file, String anchorHeader, int maxRows) {
        if (file == null || file.length == 0) {
            throw new DomainException("import.file.required");
        }
        List<String> headers = new ArrayList<>();
        List<SheetRow> rows = new ArrayList<>();
        RowSink collect = new RowSink() {
            @Override
            public void headers(List<String> h, int lastRow) {
                headers.addAll(h);
            }

            @Override
            public void row(SheetRow row) {
                rows.add(row);
            }
        };
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            stream(pkg, anchorHeader, maxRows, collect);
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw translated(e);
        }
        return new SheetContent(headers, rows);
    }

    /**
     * Streams the first sheet of the file on disk to {@code sink} (the zip is read entry by entry from the file, the
     * sheet's XML parsed as it is inflated). More than {@code maxRows} non-blank data rows is refused.
     */
    public static void stream(Path file, String anchorHeader, int maxRows, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            stream(pkg, anchorHeader, maxRows, sink);
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw translated(e);
        }
    }

    private static DomainException translated(Exception e) {
        if (e instanceof DomainException de) {
            return de;
        }
        if (e.getCause() instanceof DomainException de) {
            return de;
        }
        return new DomainException("import.file.unreadable");
    }

    private static void stream(OPCPackage pkg, String anchorHeader, int maxRows, RowSink sink)
            throws IOException, OpenXML4JException {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings;
        try {
            strings = new ReadOnlySharedStringsTable(pkg, false);
        } catch (SAXException e) {
            throw new DomainException("import.file.unreadable");
        }
        StylesTable styles = reader.getStylesTable();
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new DomainException("import.file.unreadable");
        }
        try (InputStream raw = sheets.next(); BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            int lastRow = dimension(in);
            Rows rows = new Rows(anchorHeader, maxRows, lastRow, sink);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainFormatter(), false));
            parser.parse(new InputSource(in));
            rows.finish();
        } catch (SAXException e) {
            if (e.getException() instanceof DomainException de) {
                throw de;
            }
            throw new DomainException("import.file.unreadable");
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last row the sheet's {@code <dimension ref="A1:P100001"/>} names, peeked from its start; 0 without one. */
    private static int dimension(BufferedInputStream in) throws IOException {
        int peek = 4096;
        in.mark(peek);
        byte[] head = in.readNBytes(peek);
        in.reset();
        Matcher m = DIMENSION.matcher(new String(head, StandardCharsets.UTF_8));
        if (!m.find()) {
            return 0;
        }
        return Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(1));
    }

    /** Collects one row's cells as the SAX handler reports them and hands complete rows on. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String anchor;
        private final int maxRows;
        private final int lastRow;
        private final RowSink sink;
        private final TreeMap<Integer, String> cells = new TreeMap<>();
        private List<String> headers;
        private int rowsSeen;
        private int dataRows;

        Rows(String anchor, int maxRows, int lastRow, RowSink sink) {
            this.anchor = anchor;
            this.maxRows = maxRows;
            this.lastRow = lastRow;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            if (reference == null || formatted == null) {
                return;
            }
            cells.put(new CellReference(reference).getCol() & 0xffff, formatted.strip());
        }

        @Override
        public void endRow(int rowNum) {
            if (headers == null) {
                rowsSeen++;
                List<String> candidate = new ArrayList<>();
                int width = cells.isEmpty() ? 0 : cells.lastKey() + 1;
                for (int c = 0; c < width; c++) {
                    candidate.add(normaliseHeader(cells.get(c)));
                }
                if (candidate.contains(anchor)) {
                    headers = candidate;
                    sink.headers(List.copyOf(candidate), lastRow);
                } else if (rowsSeen >= HEADER_SEARCH_ROWS) {
                    throw new DomainException("import.header.missing", anchor);
                }
                return;
            }
            Map<String, String> row = new LinkedHashMap<>();
            boolean blank = true;
            for (int c = 0; c < headers.size(); c++) {
                String h = headers.get(c);
                if (!h.isEmpty()) {
                    String v = cells.get(c);
                    // a header named twice keeps its first filled cell, as the whole-workbook reader did by overwriting
                    if (v != null || !row.containsKey(h)) {
                        row.put(h, v);
                    }
                    blank &= v == null || v.isBlank();
                }
            }
            if (blank) {
                return;
            }
            if (++dataRows > maxRows) {
                throw new DomainException("import.file.tooManyRows", maxRows);
            }
            sink.row(new SheetRow(rowNum + 1, row));
        }

        void finish() {
            if (headers == null) {
                throw new DomainException("import.header.missing", anchor);
            }
        }
    }

    /**
     * Formats a number cell as the whole-workbook reader did: a date-formatted one as yyyy-MM-dd, any other without
     * trailing zeros (so 2005 not 2005.0, a phone typed as a number in full).
     */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return new BigDecimal(String.valueOf(value)).stripTrailingZeros().toPlainString();
        }
    }

    /** Headers match without the required-mark, spaces or line breaks: "姓名*" equals "姓名". */
    public static String normaliseHeader(String h) {
        return h == null ? "" : h.replace("*", "").replace("＊", "").replaceAll("\\s", "");
    }
}
