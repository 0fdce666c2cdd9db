package cn.tierup.shared.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long table comes back from the file whole, in order, on as many sheets as it needs, each with its title and
 * header: what the compressed temporary files and the zipped .xlsx hold is what was written.
 */
class XlsxSheetWriterTest {

    @Test
    void aLongTableComesBackWholeOnItsContinuationSheets() throws Exception {
        int rows = 25_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = new XlsxSheetWriter("名单", "党组织名单", "共 25000 个", List.of("序号", "名称", "书记"),
                new int[] {8, 40, 10}).rowsPerSheet(10_004)) {
            for (int i = 1; i <= rows; i++) {
                w.row(i, "中共测试镇第" + i + "村支部委员会", i % 7 == 0 ? null : "书记" + i);
            }
            w.footer("合计", rows);
            w.finish(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("名单", "名单（续2）", "名单（续3）");
            DataFormatter text = new DataFormatter();
            int seen = 0;
            for (int s = 0; s < 3; s++) {
                Sheet sheet = wb.getSheetAt(s);
                assertThat(text.formatCellValue(sheet.getRow(0).getCell(0))).startsWith("党组织名单");
                assertThat(text.formatCellValue(sheet.getRow(2).getCell(1))).isEqualTo("名称");
                for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                    String first = text.formatCellValue(sheet.getRow(r).getCell(0));
                    if (first.equals("合计")) {
                        assertThat(s).as("the total closes the last sheet").isEqualTo(2);
                        assertThat(text.formatCellValue(sheet.getRow(r).getCell(2))).isEqualTo("" + rows);
                        continue;
                    }
                    seen++;
                    assertThat(first).isEqualTo("" + seen);
                    assertThat(text.formatCellValue(sheet.getRow(r).getCell(1))).isEqualTo("中共测试镇第" + seen + "村支部委员会");
                    assertThat(text.formatCellValue(sheet.getRow(r).getCell(2))).isEqualTo(seen % 7 == 0 ? "" : "书记" + seen);
                }
            }
            assertThat(seen).isEqualTo(rows);
        }
    }
}
