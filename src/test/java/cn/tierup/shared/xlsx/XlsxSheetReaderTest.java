package cn.tierup.shared.xlsx;

import cn.tierup.shared.DomainException;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streamed reader gives what the whole-workbook reader gave, from a sheet as an office saves it (shared strings). */
class XlsxSheetReaderTest {

    /** A title row, then the header (a required mark and a line break in it), then data rows; a blank row among them. */
    static byte[] sheet(int rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("党员");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            s.createRow(0).createCell(0).setCellValue("党员名册");
            Row h = s.createRow(1);
            h.createCell(0).setCellValue("姓名*");
            h.createCell(1).setCellValue("入党\n日期");
            h.createCell(2).setCellValue("联系电话");
            h.createCell(3).setCellValue("公民身份号码");
            for (int i = 0; i < rows; i++) {
                Row r = s.createRow(i == 0 ? 2 : i + 3); // row 4 (Excel) left blank
                r.createCell(0).setCellValue("张" + i);
                Cell joined = r.createCell(1);
                if (i % 2 == 0) {
                    joined.setCellValue(LocalDate.of(2005, 7, 1));
                    joined.setCellStyle(date);
                } else {
                    joined.setCellValue("2006-07-01");
                }
                r.createCell(2).setCellValue(13900000000d + i);
                r.createCell(3).setCellValue("51018219800101123" + i % 10);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void datesTypedEitherWayNumbersWithoutTheirFractionAndTheHeaderFoundUnderATitle() throws Exception {
        XlsxSheetReader.SheetContent c = XlsxSheetReader.read(sheet(3), "姓名", 10);
        assertThat(c.headers()).containsExactly("姓名", "入党日期", "联系电话", "公民身份号码");
        assertThat(c.rows()).extracting(XlsxSheetReader.SheetRow::number).containsExactly(3, 5, 6);
        assertThat(c.rows().get(0).cells()).containsEntry("姓名", "张0").containsEntry("入党日期", "2005-07-01")
                .containsEntry("联系电话", "13900000000").containsEntry("公民身份号码", "510182198001011230");
        assertThat(c.rows().get(1).cells()).containsEntry("入党日期", "2006-07-01").containsEntry("联系电话", "13900000001");
    }

    @Test
    void moreRowsThanAllowedAreRefusedAndAFileWithoutTheColumnSaysWhichIsMissing() throws Exception {
        assertThatThrownBy(() -> XlsxSheetReader.read(sheet(4), "姓名", 3))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("import.file.tooManyRows"));
        assertThatThrownBy(() -> XlsxSheetReader.read(sheet(1), "所在党组织", 3))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("import.header.missing"));
        assertThatThrownBy(() -> XlsxSheetReader.read("not a workbook".getBytes(), "姓名", 3))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("import.file.unreadable"));
    }

    @Test
    void aRowIsHandedOnAsItIsReadWithTheSheetsOwnCountOfRows() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("reader-test-", ".xlsx");
        try {
            java.nio.file.Files.write(file, sheet(5));
            List<Integer> seen = new java.util.ArrayList<>();
            int[] last = new int[1];
            XlsxSheetReader.stream(file, "姓名", 10, new XlsxSheetReader.RowSink() {
                @Override
                public void headers(List<String> headers, int lastRow) {
                    last[0] = lastRow;
                }

                @Override
                public void row(XlsxSheetReader.SheetRow row) {
                    seen.add(row.number());
                }
            });
            assertThat(seen).containsExactly(3, 5, 6, 7, 8);
            assertThat(last[0]).isEqualTo(8);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
