package cn.tierup.organization;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The streamed exports of the roll and the organisation list, read back from the file: every person once, in the
 * roll's order (by organisation, then pinyin), personal data as the reader may see it, and a list longer than a
 * sheet going on on a second sheet with its title and header again (the sheet's rows lowered for the test, so no
 * million rows are written).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollExportIT {

    private static final String TOWN = "中共彭州市名册导出镇委员会";
    /** Each village's people in the order the roll lists them: by the name's pinyin. */
    private static final List<String> EAST = List.of("艾青", "李四", "王五", "张三");
    private static final List<String> WEST = List.of("白露", "陈晨", "周舟");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired SpreadsheetExport export;

    RollTown town;
    long east;
    long west;

    @BeforeAll
    void town() throws Exception {
        town = new RollTown(mvc, users, jdbc, json, TOWN);
        east = town.village("名册导出东村党支部");
        west = town.village("名册导出西村党支部");
        town.village("名册导出南村党支部");
        town.village("名册导出北村党支部");
        town.village("名册导出中村党支部");
        town.account("mcdc-zhen", "卢名册", town.id, "SUPERVISOR");
        town.account("mcdc-east", "苏东村", east, "BRANCH");
        // added out of order: the export sorts, not the insertion
        town.member(east, "张三", "MALE", 1970, "13800001111");
        town.member(west, "周舟", "FEMALE", 1980, null);
        town.member(east, "李四", "MALE", 1965, null);
        town.member(west, "白露", "FEMALE", 1990, null);
        town.member(east, "艾青", "FEMALE", 1975, null);
        town.member(west, "陈晨", "MALE", 1985, null);
        town.member(east, "王五", "MALE", 1960, null);
    }

    @Test
    void theTownsRollListsEveryoneOnceByVillageThenPinyinWithTheTotal() throws Exception {
        List<List<String>> sheets = sheets(roll("mcdc-zhen", town.id, true));
        assertThat(sheets).hasSize(1);
        List<String> expected = new ArrayList<>(EAST);
        expected.addAll(WEST);
        assertThat(names(sheets.get(0))).containsExactlyElementsOf(expected);
        assertThat(sheets.get(0).get(0)).isEqualTo("党员名册");
        assertThat(sheets.get(0).get(sheets.get(0).size() - 1)).isEqualTo("合计：7 人");
    }

    @Test
    void personalDataShowsInFullOnlyToThoseWhoKeepTheRoll() throws Exception {
        assertThat(cell(roll("mcdc-zhen", town.id, true), "张三", "联系电话")).isEqualTo("138****1111");
        assertThat(cell(roll("mcdc-east", east, false), "张三", "联系电话")).isEqualTo("13800001111");
    }

    @Test
    void aRollLongerThanASheetGoesOnOnASecondSheetWithItsHeader() throws Exception {
        // title, subtitle, header and five people fill a sheet of 8 rows
        export.rowsPerSheet(8);
        byte[] file;
        try {
            file = roll("mcdc-zhen", town.id, true);
        } finally {
            export.rowsPerSheet(cn.tierup.shared.xlsx.XlsxSheetWriter.MAX_ROWS);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo("党员");
            assertThat(wb.getSheetName(1)).isEqualTo("党员（续2）");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(7);
        }
        List<List<String>> sheets = sheets(file);
        assertThat(names(sheets.get(0))).containsExactly("艾青", "李四", "王五", "张三", "白露");
        assertThat(sheets.get(1).get(0)).isEqualTo("党员名册（续2）");
        assertThat(sheets.get(1).get(2)).isEqualTo("姓名");
        assertThat(names(sheets.get(1))).containsExactly("陈晨", "周舟");
        assertThat(sheets.get(1).get(sheets.get(1).size() - 1)).isEqualTo("合计：7 人");
    }

    @Test
    void theOrganisationListGoesOnOnASecondSheetToo() throws Exception {
        // the town and five villages: five on the first sheet, the sixth and the total on the second
        export.rowsPerSheet(8);
        byte[] file;
        try {
            MockHttpServletResponse r = town.send(get("/api/orgs/export.xlsx").param("under", "" + town.id), "mcdc-zhen", null);
            assertThat(r.getStatus()).isEqualTo(200);
            file = r.getContentAsByteArray();
        } finally {
            export.rowsPerSheet(cn.tierup.shared.xlsx.XlsxSheetWriter.MAX_ROWS);
        }
        List<List<String>> sheets = sheets(file);
        assertThat(sheets).hasSize(2);
        assertThat(names(sheets.get(0))).hasSize(5).startsWith(TOWN);
        assertThat(names(sheets.get(1))).hasSize(1);
        assertThat(sheets.get(1).get(0)).isEqualTo("党组织名单（续2）");
        assertThat(sheets.get(1).get(sheets.get(1).size() - 1)).isEqualTo("合计：6 个党组织");
    }

    @Test
    void aNeighboursRollIsRefusedAsAProblemNotAFile() throws Exception {
        MockHttpServletResponse r = town.send(get("/api/members/export.xlsx").param("org", "" + town.id), "zhen", null);
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getHeader("Content-Disposition")).isNull();
        assertThat(r.getContentType()).doesNotContain("spreadsheetml");
    }

    private byte[] roll(String as, long org, boolean subtree) throws Exception {
        MockHttpServletResponse r = town.send(get("/api/members/export.xlsx").param("org", "" + org)
                .param("subtree", "" + subtree), as, null);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).contains("spreadsheetml");
        assertThat(r.getHeader("Content-Disposition")).startsWith("attachment");
        return r.getContentAsByteArray();
    }

    /** Each sheet's first column, row by row (title, subtitle, header, the rows, the total). */
    private static List<List<String>> sheets(byte[] file) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Sheet s : wb) {
                List<String> column = new ArrayList<>();
                for (Row r : s) {
                    column.add(f.formatCellValue(r.getCell(0)));
                }
                out.add(column);
            }
        }
        return out;
    }

    /** The rows of a sheet's first column between the header and the total (if any). */
    private static List<String> names(List<String> column) {
        int end = column.get(column.size() - 1).startsWith("合计") ? column.size() - 1 : column.size();
        return column.subList(3, end);
    }

    /** The value under {@code header} in the row of {@code name} on the first sheet. */
    private static String cell(byte[] file, String name, String header) throws Exception {
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet s = wb.getSheetAt(0);
            int column = -1;
            for (int c = 0; c < s.getRow(2).getLastCellNum(); c++) {
                if (header.equals(f.formatCellValue(s.getRow(2).getCell(c)))) {
                    column = c;
                }
            }
            assertThat(column).as(header).isNotNegative();
            for (Row r : s) {
                if (name.equals(f.formatCellValue(r.getCell(0)))) {
                    return f.formatCellValue(r.getCell(column));
                }
            }
        }
        throw new AssertionError(name + " not on the roll");
    }
}
