package cn.tierup.organization;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@IntegrationTest
class SpreadsheetImportIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    /** Fills the downloaded template: its header row kept, the example row replaced by {@code rows}. */
    byte[] fill(String template, List<List<String>> rows) throws Exception {
        byte[] bytes = mvc.perform(get("/api/import/template/" + template + ".xlsx").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            s.removeRow(s.getRow(1));
            for (int i = 0; i < rows.size(); i++) {
                Row r = s.createRow(i + 1);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    r.createCell(c).setCellValue(rows.get(i).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aFileWithOneBadRowWritesNothingAndSaysWhichRowAndWhy() throws Exception {
        byte[] file = fill("orgs", List.of(
                List.of("中共彭州市丽春镇导入一村支部委员会", "中共彭州市丽春镇委员会", "党支部", "村", "张一", "", "", "法人单位", "导入一村村委会", "1990-05-01", "2024-03-01"),
                List.of("中共彭州市丽春镇导入二村支部委员会", "中共彭州市丽春镇委员会", "党小组", "村"),
                List.of("中共彭州市丽春镇导入三村支部委员会", "中共彭州市丽春镇委员会", "党支部", "村")));
        mvc.perform(multipart("/api/import/orgs").file(new MockMultipartFile("file", "orgs.xlsx", null, file)).with(users.as("zhen")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("未导入任何数据")))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].message", containsString("党小组")));
        assertThat(count("select count(*) from organization where name like '中共彭州市丽春镇导入%'")).isZero();
    }

    @Test
    void aGoodFileIsWrittenWholeThroughTheSameRulesAndIsAudited() throws Exception {
        byte[] file = fill("orgs", List.of(
                List.of("中共彭州市丽春镇新建村总支部委员会", "中共彭州市丽春镇委员会", "党总支", "村"),
                List.of("中共彭州市丽春镇新建村第一党支部", "中共彭州市丽春镇新建村总支部委员会", "党支部", "村", "王一")));
        mvc.perform(multipart("/api/import/orgs").file(new MockMultipartFile("file", "orgs.xlsx", null, file))
                        .param("dryRun", "true").with(users.as("zhen")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors.length()").value(0));
        assertThat(count("select count(*) from organization where name like '中共彭州市丽春镇新建村%'")).isZero();
        mvc.perform(multipart("/api/import/orgs").file(new MockMultipartFile("file", "orgs.xlsx", null, file)).with(users.as("zhen")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(2));
        String parentPath = jdbc.sql("select path from organization where name = '中共彭州市丽春镇新建村总支部委员会'").query(String.class).single();
        String childPath = jdbc.sql("select path from organization where name = '中共彭州市丽春镇新建村第一党支部'").query(String.class).single();
        assertThat(childPath).startsWith(parentPath);
        assertThat(count("select count(*) from audit_entry where actor = 'zhen' and summary like '%新建村%'")).isEqualTo(2);
    }

    @Test
    void aTownCannotImportIntoAnotherTown() throws Exception {
        byte[] file = fill("orgs", List.of(List.of("中共彭州市天彭镇越权村支部委员会", "中共彭州市天彭镇委员会", "党支部", "村")));
        mvc.perform(multipart("/api/import/orgs").file(new MockMultipartFile("file", "orgs.xlsx", null, file)).with(users.as("zhen")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("找不到上级党组织")));
    }

    @Test
    void membersAreImportedWithTheirIdNumberEncryptedAndDuplicatesRefused() throws Exception {
        String branch = jdbc.sql("select o.name from organization o join account a on a.organization_id = o.id where a.username = 'cun'")
                .query(String.class).single();
        String id1 = ChineseIdNumber.withCheckDigit("51018219850302123");
        String id2 = ChineseIdNumber.withCheckDigit("51018219900815224");
        byte[] bad = fill("members", List.of(
                List.of("导入甲", "男", id1, "汉族", "1985-03-02", "大学本科", "正式党员", branch, "2010-07-01", "2011-07-01"),
                List.of("导入乙", "女", id1, "汉族", "1990-08-15", "大学本科", "预备党员", branch, "2025-07-01")));
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, bad)).with(users.as("cun")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(3));
        byte[] good = fill("members", List.of(
                List.of("导入甲", "男", id1, "汉族", "1985-03-02", "大学本科", "正式党员", branch, "2010-07-01", "2011-07-01"),
                List.of("导入乙", "女", id2, "汉族", "1990-08-15", "大学本科", "预备党员", branch, "2025-07-01")));
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, good)).with(users.as("cun")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(2));
        String stored = jdbc.sql("select id_number from member where name = '导入甲'").query(String.class).single();
        assertThat(stored).doesNotContain(id1).startsWith("v1:");
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, good)).with(users.as("cun")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("已登记在册")));
    }

    @Test
    void theExportListsTheScopeOnlyUnderAPrintedTitleWithATotal() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/orgs/export.xlsx").with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("党组织名单");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("党组织全称");
            long rows = s.getLastRowNum() - 3; // title, subtitle, header, total
            long inScope = count("select count(*) from organization o where o.retired = false and o.path like "
                    + "(select p.path from organization p join account a on a.organization_id = p.id where a.username = 'zhen') || '%'");
            assertThat(rows).isEqualTo(inScope);
            assertThat(s.getRow(s.getLastRowNum()).getCell(0).getStringCellValue()).contains("合计：" + inScope);
            for (int r = 3; r < s.getLastRowNum(); r++) {
                assertThat(s.getRow(r).getCell(0).getStringCellValue()).doesNotContain("天彭镇");
            }
        }
    }
}
