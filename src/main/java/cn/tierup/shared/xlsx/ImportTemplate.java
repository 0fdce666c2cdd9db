package cn.tierup.shared.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What every import of the product shares: the empty template a user fills (the header row with the required columns
 * marked *, one example row, a sheet explaining the allowed values) and the ways a date may be typed in a cell.
 */
public final class ImportTemplate {

    /** The ways offices type a date, tried in turn; Excel dates arrive as yyyy-MM-dd from {@link XlsxSheetReader}. */
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private ImportTemplate() {
    }

    /** A column of the template: its header and whether a row must fill it. */
    public record Header(String text, boolean required) {
    }

    /** The date a cell holds, or empty when it reads as none of the accepted ways of writing one. */
    public static Optional<LocalDate> date(String cell) {
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(cell.strip(), f));
            } catch (DateTimeParseException e) {
                // the next way of writing a date may read it
            }
        }
        return Optional.empty();
    }

    /**
     * The template workbook. Cells are formatted as text so that long numbers (公民身份号码) keep their last digits.
     */
    public static byte[] write(String sheetName, List<Header> headers, List<String> example, String helpSheetName,
                               List<String> helpLines) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle text = wb.createCellStyle();
            DataFormat fmt = wb.createDataFormat();
            text.setDataFormat(fmt.getFormat("@"));
            Row h = sheet.createRow(0);
            Row ex = sheet.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                Header c = headers.get(i);
                h.createCell(i).setCellValue(c.text() + (c.required() ? "*" : ""));
                h.getCell(i).setCellStyle(head);
                sheet.setColumnWidth(i, Math.max(12, c.text().length() * 2 + 4) * 256);
                sheet.setDefaultColumnStyle(i, text);
                ex.createCell(i).setCellValue(i < example.size() ? example.get(i) : "");
            }
            Sheet help = wb.createSheet(helpSheetName);
            for (int i = 0; i < helpLines.size(); i++) {
                help.createRow(i).createCell(0).setCellValue(helpLines.get(i));
            }
            help.setColumnWidth(0, 120 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
