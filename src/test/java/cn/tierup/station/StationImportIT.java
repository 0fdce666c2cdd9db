package cn.tierup.station;

import cn.tierup.shared.xlsx.XlsxSheetReader;
import cn.tierup.shared.xlsx.XlsxSheetReader.SheetContent;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The station registry imported from .xlsx by a town of this test's own: a file with wrong rows is refused row by row
 * and nothing is written (not even its right rows); a right file is written whole; the registry exported imports again
 * as it is, changing nothing, and a corrected export corrects just the station changed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationImportIT {

    static final String TOWN = "中共彭州市站点导入测试镇委员会";
    static final List<String> HEADERS = List.of("站点名称", "依托单位", "站点地址", "终端类型", "设备情况", "设备状况", "站点管理员",
            "管理员培训日期", "开放时间", "年运行维护经费（元）", "经费来源", "建站日期", "状态");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    StationTown town;
    final String hill = "中共彭州市站点导入测试镇青山村支部委员会";
    final String river = "中共彭州市站点导入测试镇绿水社区支部委员会";

    @BeforeAll
    void town() throws Exception {
        town = new StationTown(mvc, users, jdbc, json, TOWN);
        town.org(town.id, hill, "BRANCH", "VILLAGE");
        town.org(town.id, river, "BRANCH", "COMMUNITY");
        town.account("zddr-zhen", "站点导入测试镇书记", town.id, "SUPERVISOR");
    }

    static byte[] xlsx(List<String> headers, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("站点名册");
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    List<String> row(String name, String host, String kind, String funding, String openedOn) {
        return List.of(name, host, "党群服务中心一楼", kind, "电视机 1 台", "良好", "陈玉兰", "2022-09-01", "每天 8:30—17:30",
                funding, "村集体经济", openedOn, "在用");
    }

    MockHttpServletResponse upload(byte[] file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/stations/import").file(new MockMultipartFile("file", "站点.xlsx", null, file))
                .param("dryRun", "" + dryRun).with(users.as("zddr-zhen"))).andReturn().getResponse();
    }

    long stations() {
        return jdbc.sql("select count(*) + coalesce(sum(s.version), 0) from station s join organization o"
                        + " on o.id = s.host_organization_id where o.path like :p")
                .param("p", jdbc.sql("select path from organization where id = :id").param("id", town.id)
                        .query(String.class).single() + "%").query(Long.class).single();
    }

    @Test
    void aFileWithWrongRowsIsRefusedRowByRowAndNothingIsWritten() throws Exception {
        long before = stations();
        byte[] file = xlsx(HEADERS, List.of(
                row("青山村远程教育站点", hill, "卫星", "3000", "2010-07-01"),
                row("无名村站点", "中共彭州市站点导入测试镇无名村支部委员会", "卫星", "3000", "2010-07-01"),
                row("丽春镇外站点", "中共彭州市丽春镇委员会", "卫星", "3000", "2010-07-01"),
                row("绿水社区站点", river, "光纤", "三千", "2010-07-01"),
                row("绿水社区第二站点", river, "有线", "-100", "2030-01-01"),
                row("", river, "有线", "100", "2010-07-01")));
        JsonNode problem = town.ok(upload(file, false), 422);
        assertThat(problem.get("detail").asText()).contains("5 行有错误");
        JsonNode errors = problem.get("errors");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("message").asText()).contains("找不到依托单位“中共彭州市站点导入测试镇无名村支部委员会”");
        // a host outside the town's scope is not told apart from an unknown one
        assertThat(errors.get(1).get("message").asText()).contains("找不到依托单位“中共彭州市丽春镇委员会”");
        assertThat(errors.get(2).get("row").asInt()).isEqualTo(5);
        assertThat(errors.get(2).get("message").asText()).contains("终端类型").contains("光纤").contains("不是金额");
        assertThat(errors.get(3).get("message").asText()).containsAnyOf("年运行维护经费", "建站日期");
        assertThat(errors.get(4).get("message").asText()).contains("“站点名称”不能为空");
        assertThat(stations()).isEqualTo(before);

        JsonNode dry = town.ok(upload(file, true), 200);
        assertThat(dry.get("errors")).hasSize(5);
        assertThat(stations()).isEqualTo(before);
        town.ok(upload(xlsx(List.of("名称", "地址"), List.of(List.of("x", "y"))), false), 422);
        town.ok(upload("这不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8), false), 422);
    }

    @Test
    void aRightFileIsImportedWholeAndItsExportImportsAgainUnchanged() throws Exception {
        byte[] file = xlsx(HEADERS, List.of(
                row("青山村远程教育站点", hill, "卫星", "3000", "2010-07-01"),
                row("青山村第二远程教育站点", hill, "互联网/IPTV", "1200.50", "2019/5/20"),
                row("绿水社区远程教育站点", river, "有线", "", "2015年3月1日")));
        JsonNode result = town.ok(upload(file, false), 200);
        assertThat(result.get("registered").asInt()).isEqualTo(3);
        JsonNode list = town.ok(town.send(get("/api/stations").param("org", "" + town.id), "zddr-zhen", null), 200);
        assertThat(list.findValuesAsString("name")).containsExactlyInAnyOrder("青山村远程教育站点", "青山村第二远程教育站点",
                "绿水社区远程教育站点");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Station' and action = 'CREATE'"
                + " and summary like '%站点导入测试镇%'").query(Long.class).single()).isEqualTo(3);

        MockHttpServletResponse export = town.send(get("/api/stations/export.xlsx").param("org", "" + town.id), "zddr-zhen", null);
        assertThat(export.getStatus()).isEqualTo(200);
        byte[] exported = export.getContentAsByteArray();
        SheetContent sheet = XlsxSheetReader.read(exported, "站点名称", 100);
        assertThat(sheet.headers()).containsAll(HEADERS);
        assertThat(sheet.rows()).hasSize(3);
        Map<String, String> second = sheet.rows().stream().filter(r -> r.cells().get("站点名称").equals("青山村第二远程教育站点"))
                .findFirst().orElseThrow().cells();
        assertThat(second.get("终端类型")).isEqualTo("互联网/IPTV");
        assertThat(second.get("建站日期")).isEqualTo("2019-05-20");
        assertThat(second.get("依托单位")).isEqualTo(hill);

        long before = stations();
        JsonNode again = town.ok(upload(exported, false), 200);
        assertThat(again.get("registered").asInt()).isZero();
        assertThat(again.get("corrected").asInt()).isZero();
        assertThat(stations()).isEqualTo(before);

        // the same file with one station's condition changed corrects that station alone
        List<List<String>> rows = sheet.rows().stream().map(r -> HEADERS.stream().map(h -> {
            String v = r.cells().get(h);
            return h.equals("设备状况") && r.cells().get("站点名称").equals("绿水社区远程教育站点") ? "较差（需维修）" : v == null ? "" : v;
        }).toList()).toList();
        JsonNode corrected = town.ok(upload(xlsx(HEADERS, rows), false), 200);
        assertThat(corrected.get("corrected").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select equipment_condition from station where name = '绿水社区远程教育站点'").query(String.class)
                .single()).isEqualTo("POOR");
    }

    @Test
    void theTemplateReadsBackWithItsColumns() throws Exception {
        MockHttpServletResponse t = town.send(get("/api/stations/import/template.xlsx"), "zddr-zhen", null);
        assertThat(t.getStatus()).isEqualTo(200);
        assertThat(XlsxSheetReader.read(t.getContentAsByteArray(), "站点名称", 10).headers()).containsAll(HEADERS);
    }
}
