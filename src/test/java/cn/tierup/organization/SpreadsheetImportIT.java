package cn.tierup.organization;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetImportIT {

    /** A town of this class's own for the large rolls, and a neighbour whose village its account may not fill. */
    private static final String TOWN = "中共彭州市名册导入镇委员会";
    private static final String NEIGHBOUR = "中共彭州市名册导入邻镇委员会";
    private static final String[] VILLAGES = {"名册导入东村党支部", "名册导入西村党支部", "名册导入南村党支部"};
    /** One village per test that counts its roll, so the tests' order does not matter. */
    private static final String SPARE = "名册导入北村党支部";
    private static final String BAD = "名册导入中村党支部";
    private static final String EDGE = "名册导入上村党支部";
    private static final String ACROSS = "名册导入邻村党支部";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    RollTown town;

    @BeforeAll
    void town() throws Exception {
        town = new RollTown(mvc, users, jdbc, json, TOWN);
        for (String v : VILLAGES) {
            town.village(v);
        }
        town.village(SPARE);
        town.village(BAD);
        town.village(EDGE);
        RollTown neighbour = new RollTown(mvc, users, jdbc, json, NEIGHBOUR);
        neighbour.village(ACROSS);
        // a town office that keeps the rolls of its villages itself: the 书记's rights, bound to the town
        town.account("mcdr-zhen", "卢导入", town.id, "BRANCH");
    }

    /**
     * A members' file of {@code n} people in the template's columns (written directly, as an office's own sheet would
     * be): spread over the villages, each with an ID number agreeing with their birth date and sex, a phone, and the
     * dates of joining typed as Excel dates every other row (text the others); {@code change} alters a row's cells.
     */
    byte[] roll(int n, int serial, java.util.function.BiConsumer<Integer, String[]> change) throws Exception {
        List<String> header = SpreadsheetImport.MEMBER_COLUMNS.stream().map(SpreadsheetImport.Column::header).toList();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("党员");
            org.apache.poi.ss.usermodel.CellStyle dates = wb.createCellStyle();
            dates.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row h = s.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c) + (SpreadsheetImport.MEMBER_COLUMNS.get(c).required() ? "*" : ""));
            }
            for (int i = 0; i < n; i++) {
                java.time.LocalDate born = java.time.LocalDate.of(1950, 1, 1).plusDays(i % 9000);
                boolean male = i % 2 == 0;
                // the serial keeps files apart; its last digit's parity is the sex
                String seq = String.format("%02d%d", serial, male ? 1 + 2 * ((i / 9000) % 5) : 2 * ((i / 9000) % 5));
                String id = ChineseIdNumber.withCheckDigit("510199" + born.toString().replace("-", "") + seq);
                java.time.LocalDate joined = born.plusYears(25);
                String[] v = {"名册" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + i, male ? "男" : "女", id, "汉族", born.toString(), "大学本科",
                        "正式党员", VILLAGES[i % VILLAGES.length], joined.toString(), joined.plusYears(1).toString(), "", "",
                        "139" + String.format("%08d", i), "否", "否", "否"};
                change.accept(i, v);
                Row r = s.createRow(i + 1);
                for (int c = 0; c < v.length; c++) {
                    if (v[c] == null || v[c].isEmpty()) {
                        continue;
                    }
                    if (i % 2 == 1 && (c == 8 || c == 9) && v[c].matches("\\d{4}-\\d{2}-\\d{2}")) {
                        org.apache.poi.ss.usermodel.Cell cell = r.createCell(c);
                        cell.setCellValue(java.time.LocalDate.parse(v[c]));
                        cell.setCellStyle(dates);
                    } else {
                        r.createCell(c).setCellValue(v[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    long inTown() {
        return count("select count(*) from member m join organization o on o.id = m.organization_id where o.path like "
                + "(select path from organization where id = " + town.id + ") || '%'");
    }

    @Test
    void aRollAboveTheOldLimitIsCheckedThenWrittenWholeWithPersonalDataEncryptedAndAuditedPerOrganisation() throws Exception {
        byte[] file = roll(6000, 11, (i, v) -> { });
        long before = inTown();
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, file))
                        .param("dryRun", "true").with(users.as("mcdr-zhen")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errorCount").value(0))
                .andExpect(jsonPath("$.rowCount").value(6000)).andExpect(jsonPath("$.rows.length()").value(200));
        assertThat(inTown()).isEqualTo(before);
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, file)).with(users.as("mcdr-zhen")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(6000));
        assertThat(inTown()).isEqualTo(before + 6000);
        // an Excel date and a typed one read the same
        assertThat(jdbc.sql("select joined_on from member where name = '名册乙1'").query(java.time.LocalDate.class).single())
                .isEqualTo(java.time.LocalDate.of(1950, 1, 2).plusYears(25));
        assertThat(jdbc.sql("select joined_on from member where name = '名册甲0'").query(java.time.LocalDate.class).single())
                .isEqualTo(java.time.LocalDate.of(1950, 1, 1).plusYears(25));
        String id = jdbc.sql("select id_number from member where name = '名册甲0'").query(String.class).single();
        String phone = jdbc.sql("select phone from member where name = '名册甲0'").query(String.class).single();
        assertThat(id).startsWith("v1:").doesNotContain("510199");
        assertThat(phone).startsWith("v1:").doesNotContain("13900000000");
        // read back through the application, decrypted with the installation's key and masked for the reader
        long memberId = jdbc.sql("select id from member where name = '名册甲0'").query(Long.class).single();
        mvc.perform(get("/api/members/{id}", memberId).with(users.as("mcdr-zhen"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("名册甲0"));
        assertThat(count("select count(*) from audit_entry where actor = 'mcdr-zhen' and action = 'IMPORT'"
                + " and summary like '导入党员 2,000 名：%'")).isEqualTo(3);
        // the same file again: every person is on the roll already, and nothing more is written
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, file)).with(users.as("mcdr-zhen")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1000))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].message", containsString("已登记在册")));
        assertThat(inTown()).isEqualTo(before + 6000);
    }

    @Test
    void oneBadRowDeepInALargeFileWritesNothingAndEachWrongRowIsNamedWithItsReason() throws Exception {
        // row 2,502 (data row 2,500) is wrong and row 2,901 repeats row 2's ID number: the first 2,000 rows fit in
        // the batches written before the wrong one is reached, and must be rolled back with the rest
        byte[] file = roll(3000, 22, (i, v) -> {
            v[7] = BAD;
            if (i == 2500) {
                v[1] = "未知";
            }
            if (i == 2899) {
                v[0] = "名册重复";
                v[1] = "男";
                v[2] = ChineseIdNumber.withCheckDigit("51019919500101221");
                v[4] = "1950-01-01";
            }
        });
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, file)).with(users.as("mcdr-zhen")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("2 行有错误")))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(2502))
                .andExpect(jsonPath("$.errors[0].message", containsString("性别")))
                .andExpect(jsonPath("$.errors[1].row").value(2901))
                .andExpect(jsonPath("$.errors[1].message", containsString("第 2 行重复")));
        assertThat(count("select count(*) from member m join organization o on o.id = m.organization_id"
                + " where o.name = '" + BAD + "'")).isZero();
    }

    @Test
    void aTownAccountCannotFillANeighboursRoll() throws Exception {
        byte[] file = roll(5, 33, (i, v) -> v[7] = i == 3 ? ACROSS : EDGE);
        mvc.perform(multipart("/api/import/members").file(new MockMultipartFile("file", "m.xlsx", null, file)).with(users.as("mcdr-zhen")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(5))
                .andExpect(jsonPath("$.errors[0].message", containsString(ACROSS)));
        assertThat(count("select count(*) from member m join organization o on o.id = m.organization_id"
                + " where o.name in ('" + EDGE + "', '" + ACROSS + "')")).isZero();
    }

    /** Polls a job over the API until it has finished; its last state. */
    tools.jackson.databind.JsonNode finished(String id, String as) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (true) {
            String body = mvc.perform(get("/api/import/jobs/{id}", id).with(users.as(as))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            tools.jackson.databind.JsonNode job = json.readTree(body);
            if (!job.get("state").asText().equals("RUNNING")) {
                return job;
            }
            assertThat(System.nanoTime()).as("the job finished in 2 minutes: " + body).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void aJobIsFollowedOverTheApiConfirmedOnceAndSeenByItsStarterOnly() throws Exception {
        byte[] file = roll(1500, 44, (i, v) -> v[7] = SPARE);
        String started = mvc.perform(multipart("/api/import/members/jobs").file(new MockMultipartFile("file", "m.xlsx", null, file))
                        .with(users.as("mcdr-zhen")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.mode").value("CHECK"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String checkId = json.readTree(started).get("id").asText();
        mvc.perform(get("/api/import/jobs/{id}", checkId).with(users.as("admin"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("找不到这次导入")));
        tools.jackson.databind.JsonNode checked = finished(checkId, "mcdr-zhen");
        assertThat(checked.get("state").asText()).isEqualTo("DONE");
        assertThat(checked.get("confirmable").asBoolean()).isTrue();
        assertThat(checked.get("rowsRead").asInt()).isEqualTo(1500);
        assertThat(checked.get("rowsChecked").asInt()).isEqualTo(1500);
        assertThat(checked.get("rowsExpected").asInt()).isEqualTo(1500);
        assertThat(checked.get("percent").asInt()).isEqualTo(100);
        assertThat(count("select count(*) from member m join organization o on o.id = m.organization_id where o.name = '" + SPARE + "'")).isZero();

        String applying = mvc.perform(post("/api/import/jobs/{id}/apply", checkId).with(users.as("mcdr-zhen")).with(csrf()))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.mode").value("APPLY"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        tools.jackson.databind.JsonNode applied = finished(json.readTree(applying).get("id").asText(), "mcdr-zhen");
        assertThat(applied.get("state").asText()).isEqualTo("DONE");
        assertThat(applied.get("result").get("written").asInt()).isEqualTo(1500);
        assertThat(applied.get("rowsWritten").asInt()).isEqualTo(1500);
        assertThat(count("select count(*) from member m join organization o on o.id = m.organization_id where o.name = '" + SPARE + "'"))
                .isEqualTo(1500);
        // confirmed once: a second confirmation of the same check is refused and writes nothing
        mvc.perform(post("/api/import/jobs/{id}/apply", checkId).with(users.as("mcdr-zhen")).with(csrf()))
                .andExpect(status().is4xxClientError());
        assertThat(count("select count(*) from member m join organization o on o.id = m.organization_id where o.name = '" + SPARE + "'"))
                .isEqualTo(1500);
    }

    /** Fills the downloaded template: its header row kept, the example row replaced by {@code rows}. */
    byte[] fill(String template, List<List<String>> rows) throws Exception {
        return FilledTemplate.fill(mvc, users.as("admin"), template, rows);
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

    /** Names already in the tree are looked up a thousand at a time: one deep in a file is named with its row, nothing written. */
    @Test
    void aRowNamingAnOrganisationAlreadyInTheTreeIsRefusedWithItsRow() throws Exception {
        String townName = "中共彭州市丽春镇委员会";
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int b = 1; b <= 1500; b++) {
            rows.add(List.of(b == 1200 ? townName : "中共彭州市丽春镇重名检查" + b + "村党支部", townName, "党支部", "村"));
        }
        mvc.perform(multipart("/api/import/orgs").file(new MockMultipartFile("file", "orgs.xlsx", null, fill("orgs", rows)))
                        .with(users.as("zhen")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(1201))
                .andExpect(jsonPath("$.errors[0].message", containsString("已存在")));
        assertThat(count("select count(*) from organization where name like '中共彭州市丽春镇重名检查%'")).isZero();
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
