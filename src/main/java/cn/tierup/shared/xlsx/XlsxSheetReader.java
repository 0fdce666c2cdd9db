package cn.tierup.shared.xlsx;

import cn.tierup.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an .xlsx as rows of header → text. The header row is found among the first
 * rows by a column it must have (so a printed title above it is fine). Dates typed as Excel dates come
 * back as yyyy-MM-dd text; numbers without their ".0".
 */
public final class XlsxSheetReader {

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

    public static SheetContent read(byte[] file, String anchorHeader, int maxRows) {
        if (file == null || file.length == 0) {
            throw new DomainException("import.file.required");
        }
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            int headerRow = -1;
            List<String> headers = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + 5); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> candidate = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    candidate.add(normaliseHeader(text(row.getCell(c), fmt)));
                }
                if (candidate.stream().anyMatch(anchorHeader::equals)) {
                    headerRow = r;
                    headers = candidate;
                    break;
                }
            }
            if (headerRow < 0) {
                throw new DomainException("import.header.missing", anchorHeader);
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    if (!headers.get(c).isEmpty()) {
                        cells.put(headers.get(c), text(row.getCell(c), fmt));
                    }
                }
                SheetRow sr = new SheetRow(r + 1, cells);
                if (!sr.blank()) {
                    rows.add(sr);
                    if (rows.size() > maxRows) {
                        throw new DomainException("import.file.tooManyRows", maxRows);
                    }
                }
            }
            return new SheetContent(headers, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException de) {
                throw de;
            }
            throw new DomainException("import.file.unreadable");
        }
    }

    /** Headers match without the required-mark, spaces or line breaks: "姓名*" equals "姓名". */
    public static String normaliseHeader(String h) {
        return h == null ? "" : h.replace("*", "").replace("＊", "").replaceAll("\\s", "");
    }

    private static String text(Cell cell, DataFormatter fmt) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
                return d.toString();
            }
            return new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        String s = fmt.formatCellValue(cell);
        return s == null ? null : s.strip();
    }
}
