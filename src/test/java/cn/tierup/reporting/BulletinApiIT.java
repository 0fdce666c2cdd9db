package cn.tierup.reporting;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.shared.Shares;
import cn.tierup.survey.SurveyBootstrap;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OwnTown;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.grading.Grade.ADVANCED;
import static cn.tierup.grading.Grade.AVERAGE;
import static cn.tierup.grading.Grade.LAGGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 情况通报 and 历年对比 over a town of this test's own: the town's secretary issues two bulletins — numbered 第1期 and
 * 第2期, the second's period starting on the first's day —, each .docx (read back with POI) carries exactly the tables
 * the cockpit's blocks answered at the moment of issue and names the lagging villages by the stated rule; a village's
 * report handed in between changes the second bulletin and not the first, downloaded again byte for byte; the
 * village's secretary, a neighbour town and a stale confirmation are refused. The trends set this year and the year
 * before side by side, checked against this test's own count of the grades it set.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinApiIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired GradingBootstrap grading;
    @Autowired SurveyBootstrap survey;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PlatformTransactionManager transactions;

    static final String BY = "tongbao-zhen";
    static final String BY_NAME = "赵通报";
    static final String VILLAGE = "tongbao-cun";
    static final String NEIGHBOUR = "tongbao-lin";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    BulletinTown town;
    OwnTown neighbour;
    /** The first bulletin as issued: its id, bytes, and the blocks the cockpit answered just before. */
    long first;
    byte[] firstBytes;
    List<JsonNode> firstBlocks;

    @BeforeAll
    void town() throws Exception {
        town = new BulletinTown(mvc, users, jdbc, json, "通报测试", BY, BY_NAME, VILLAGE);
        town.seed(grading, survey, upgrade, transactions);
        neighbour = new OwnTown(mvc, users, jdbc, json, "中共彭州市通报测试邻镇委员会");
        neighbour.account(NEIGHBOUR, "邻镇书记", neighbour.id, "SUPERVISOR");
    }

    // ------------------------------------------------------------------ helpers

    JsonNode as(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, Object body,
                int status) throws Exception {
        return town.as(user, r, body, status);
    }

    /** Every block of the cockpit as the town's secretary reads it now, in the page's order. */
    List<JsonNode> blocks() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Cockpit.BlockKind k : Cockpit.BlockKind.values()) {
            out.add(as(BY, get("/api/dashboard/" + k.slug()).param("campaign", "" + town.campaign).param("org", "" + town.id),
                    null, 200));
        }
        return out;
    }

    MockHttpServletResponse download(long id, String user) throws Exception {
        return town.send(get("/api/dashboard/bulletins/{id}.docx", id), user, null);
    }

    static XWPFDocument docx(byte[] bytes) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    static String text(XWPFDocument d) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : d.getParagraphs()) {
            b.append(p.getText()).append('\n');
        }
        return b.toString();
    }

    /** A cell as the cockpit page prints it. */
    static String cell(JsonNode c) {
        if (c == null || c.isNull()) {
            return "—";
        }
        return c.isFloatingPointNumber() ? c.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : c.asText();
    }

    /** The document's tables are the blocks' tables, in order, header, rows and 合计, cell by cell. */
    static void sameTables(XWPFDocument d, List<JsonNode> blocks) {
        List<List<String>> expected = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode b : blocks) {
            for (JsonNode t : b.get("tables")) {
                List<String> lines = new ArrayList<>();
                List<String> head = new ArrayList<>();
                t.get("columns").forEach(c -> head.add(c.asText()));
                lines.add(String.join("|", head));
                List<JsonNode> rows = new ArrayList<>();
                t.get("rows").forEach(rows::add);
                if (t.hasNonNull("total")) {
                    rows.add(t.get("total"));
                }
                for (JsonNode r : rows) {
                    List<String> cells = new ArrayList<>();
                    r.get("cells").forEach(c -> cells.add(cell(c)));
                    lines.add(String.join("|", cells));
                }
                expected.add(lines);
                sizes.add(lines.size());
            }
        }
        List<XWPFTable> tables = d.getTables();
        assertThat(tables).as("one table per table of the blocks").hasSize(expected.size());
        for (int i = 0; i < tables.size(); i++) {
            List<String> lines = new ArrayList<>();
            for (XWPFTableRow row : tables.get(i).getRows()) {
                lines.add(String.join("|", row.getTableCells().stream().map(c -> c.getText()).toList()));
            }
            assertThat(lines).as("table " + (i + 1)).isEqualTo(expected.get(i));
        }
    }

    // ------------------------------------------------------------------ bulletins

    @Test
    @Order(1)
    void theFirstBulletinFreezesTheCockpitOfItsDayAndNamesTheLaggards() throws Exception {
        JsonNode before = as(BY, get("/api/dashboard/bulletins").param("campaign", "" + town.campaign), null, 200);
        assertThat(before.get("mayIssue").asBoolean()).isTrue();
        assertThat(before.get("nextNumber").asInt()).isEqualTo(1);
        assertThat(before.get("bulletins")).isEmpty();
        firstBlocks = blocks();
        JsonNode issued = as(BY, post("/api/dashboard/bulletins"), Map.of("campaign", town.campaign, "number", 1), 201);
        first = issued.get("id").asLong();
        assertThat(issued.get("numberLabel").asText()).isEqualTo("第1期");
        assertThat(issued.get("issuedByName").asText()).isEqualTo(BY_NAME);
        assertThat(issued.get("issuedAt").asText()).startsWith(LocalDate.now().toString());
        assertThat(issued.get("period").asText()).startsWith("自活动开始（" + town.year + "年");
        MockHttpServletResponse r = download(first, BY);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).contains("wordprocessingml");
        assertThat(r.getHeader("Content-Disposition")).contains("attachment");
        firstBytes = r.getContentAsByteArray();
        try (XWPFDocument d = docx(firstBytes)) {
            String text = text(d);
            assertThat(text).contains(town.name + "关于三分类三升级工作进展情况的通报（第1期）", "各下级党组织：",
                    "自活动开始（", DAY.format(LocalDate.now()), "签发人：" + BY_NAME).doesNotContain(BY);
            sameTables(d, firstBlocks);
            // the laggards by the stated rule, counted here from what this test made: a village without a report is one
            // overdue report, a graded 一般 or 后进 nobody assists has one ledger line open past its deadline
            assertThat(text).contains("工作滞后的单位：本组织直接下级单位中，逾期事项");
            assertThat(text).contains("工作滞后的单位 3 个：" + town.villageName("丙村") + "（逾期未报自查报告 1 份、逾期未销号整改事项 1 项）");
            assertThat(text).contains(town.villageName("乙村") + "（逾期未报自查报告 0 份、逾期未销号整改事项 1 项）",
                    town.villageName("丁村") + "（逾期未报自查报告 1 份、逾期未销号整改事项 0 项）")
                    .doesNotContain(town.villageName("甲村") + "（");
        }
        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'DashboardBulletin' and entity_id = :id"
                + " and action = 'ISSUE' and actor = :by").param("id", "" + first).param("by", BY).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theSecondBulletinCoversTheDaysSinceTheFirstAndTheFirstStaysAsIssued() throws Exception {
        // a stale confirmation (第1期 again) is refused and issues nothing
        JsonNode stale = as(BY, post("/api/dashboard/bulletins"), Map.of("campaign", town.campaign, "number", 1), 422);
        assertThat(stale.get("detail").asText()).contains("第1期不能签发", "第2期");
        // 丁村 hands in its report: no longer late
        new TransactionTemplate(transactions).executeWithoutResult(t -> town.report(survey, town.villages.get("丁村"), true));
        List<JsonNode> now = blocks();
        JsonNode issued = as(BY, post("/api/dashboard/bulletins"), Map.of("campaign", town.campaign, "number", 2), 201);
        long second = issued.get("id").asLong();
        JsonNode list = as(BY, get("/api/dashboard/bulletins").param("campaign", "" + town.campaign), null, 200);
        assertThat(list.get("nextNumber").asInt()).isEqualTo(3);
        JsonNode latest = list.get("bulletins").get(0);
        JsonNode earlier = list.get("bulletins").get(1);
        assertThat(latest.get("number").asInt()).isEqualTo(2);
        assertThat(earlier.get("number").asInt()).isEqualTo(1);
        assertThat(latest.get("periodFrom").asText()).isEqualTo(earlier.get("issuedAt").asText().substring(0, 10));
        String firstDay = DAY.format(LocalDate.parse(earlier.get("issuedAt").asText().substring(0, 10)));
        assertThat(latest.get("period").asText()).isEqualTo("自上期通报（" + firstDay + "）以来至" + DAY.format(LocalDate.now()));
        try (XWPFDocument d = docx(download(second, BY).getContentAsByteArray())) {
            assertThat(text(d)).contains("（第2期）", "自上期通报（" + firstDay + "）以来", "工作滞后的单位 2 个")
                    .doesNotContain(town.villageName("丁村") + "（");
            sameTables(d, now);
        }
        // the first, downloaded again: the very bytes issued, with the figures of its day
        byte[] again = download(first, BY).getContentAsByteArray();
        assertThat(again).isEqualTo(firstBytes);
        try (XWPFDocument d = docx(again)) {
            sameTables(d, firstBlocks);
            assertThat(text(d)).contains(town.villageName("丁村") + "（逾期未报自查报告 1 份");
        }
        assertThat(now.get(1)).as("the survey block did change").isNotEqualTo(firstBlocks.get(1));
        // the city, above the town, reads them too
        assertThat(download(first, "admin").getStatus()).isEqualTo(200);
        JsonNode cityList = as("admin", get("/api/dashboard/bulletins").param("campaign", "" + town.campaign)
                .param("org", "" + town.id), null, 200);
        assertThat(cityList.get("bulletins")).hasSize(2);
        assertThat(cityList.get("mayIssue").asBoolean()).as("the city issues its own, not the town's").isFalse();
    }

    @Test
    @Order(3)
    void aVillageAndANeighbourAreRefused() throws Exception {
        long before = jdbc.sql("select count(*) from dashboard_bulletin where organization_id in (:o)")
                .param("o", List.of(town.id, town.villages.get("甲村"), neighbour.id)).query(Long.class).single();
        // the village has no units under it: a clear refusal, nothing issued
        JsonNode refused = as(VILLAGE, post("/api/dashboard/bulletins"), Map.of("campaign", town.campaign, "number", 1), 422);
        assertThat(refused.get("detail").asText()).contains("没有下级党组织", "不能签发情况通报");
        JsonNode villageList = as(VILLAGE, get("/api/dashboard/bulletins").param("campaign", "" + town.campaign), null, 200);
        assertThat(villageList.get("mayIssue").asBoolean()).isFalse();
        assertThat(villageList.get("refusal").asText()).contains("没有下级党组织");
        // the village may not read its town's bulletins, nor the neighbour
        assertThat(download(first, VILLAGE).getStatus()).isEqualTo(403);
        assertThat(download(first, NEIGHBOUR).getStatus()).isEqualTo(403);
        assertThat(town.send(get("/api/dashboard/bulletins").param("campaign", "" + town.campaign).param("org", "" + town.id),
                VILLAGE, null).getStatus()).isEqualTo(403);
        assertThat(town.send(get("/api/dashboard/bulletins").param("campaign", "" + town.campaign).param("org", "" + town.id),
                NEIGHBOUR, null).getStatus()).isIn(403, 404);
        // the neighbour issues nothing in the town's campaign
        assertThat(town.send(post("/api/dashboard/bulletins"), NEIGHBOUR, Map.of("campaign", town.campaign, "number", 1))
                .getStatus()).isIn(403, 404);
        assertThat(download(987_654_321L, BY).getStatus()).isEqualTo(404);
        // the day of issue is the server's: a date in the body is an unknown field, refused
        assertThat(town.send(post("/api/dashboard/bulletins"), BY, Map.of("campaign", town.campaign, "number", 3,
                "issuedAt", "2001-01-01")).getStatus()).isEqualTo(400);
        long after = jdbc.sql("select count(*) from dashboard_bulletin where organization_id in (:o)")
                .param("o", List.of(town.id, town.villages.get("甲村"), neighbour.id)).query(Long.class).single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(4)
    void thePagesListTheBulletinsAndLinkFromTheCockpit() throws Exception {
        String cockpit = town.send(get("/dashboard").param("campaign", "" + town.campaign), BY, null)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(cockpit).contains("/dashboard/bulletins?campaign=" + town.campaign, "/dashboard/trends?campaign=" + town.campaign);
        String page = town.send(get("/dashboard/bulletins").param("campaign", "" + town.campaign), BY, null)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("第1期", "第2期", BY_NAME, "签发本期通报", "确认签发第3期", "/api/dashboard/bulletins/" + first + ".docx");
        String village = town.send(get("/dashboard/bulletins").param("campaign", "" + town.campaign), VILLAGE, null)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(village).doesNotContain("确认签发").contains("没有下级党组织");
    }

    // ------------------------------------------------------------------ trends

    @Test
    void trendsSetTheYearsSideBySideAsTheTestGradedThem() throws Exception {
        JsonNode b = as(BY, get("/api/dashboard/trends").param("campaign", "" + town.campaign), null, 200);
        assertThat(b.get("organizationId").asLong()).isEqualTo(town.id);
        JsonNode start = b.get("tables").get(0);
        assertThat(start.get("rows")).hasSize(2);
        int[] years = {town.year - 1, town.year};
        for (int y = 0; y < 2; y++) {
            long[] counts = new long[3];
            for (BulletinTown.Spec s : BulletinTown.SPECS) {
                Grade g = y == 0 ? s.lastStart() : s.start();
                if (g != null) {
                    counts[g.ordinal()]++;
                }
            }
            long decided = counts[0] + counts[1] + counts[2];
            List<java.math.BigDecimal> shares = Shares.of(counts, decided);
            JsonNode cells = start.get("rows").get(y).get("cells");
            List<String> line = new ArrayList<>();
            cells.forEach(c -> line.add(cell(c)));
            assertThat(line).containsExactly(years[y] + "年度", "" + BulletinTown.SPECS.size(), "" + decided,
                    "" + counts[0], shares.get(0).toPlainString(), "" + counts[1], shares.get(1).toPlainString(),
                    "" + counts[2], shares.get(2).toPlainString());
        }
        // the year before was reviewed at its end: 甲 stays 先进, 乙 一般 → 先进, 丙 后进 → 一般, 丁 stays 一般
        JsonNode end = b.get("tables").get(1);
        List<String> last = new ArrayList<>();
        end.get("rows").get(0).get("cells").forEach(c -> last.add(cell(c)));
        long endAdvanced = BulletinTown.SPECS.stream().filter(s -> s.lastEnd() == ADVANCED).count();
        long endAverage = BulletinTown.SPECS.stream().filter(s -> s.lastEnd() == AVERAGE).count();
        long average = BulletinTown.SPECS.stream().filter(s -> s.lastStart() == AVERAGE).count();
        long upgraded = BulletinTown.SPECS.stream().filter(s -> s.lastStart() == AVERAGE && s.lastEnd() == ADVANCED).count();
        long lagging = BulletinTown.SPECS.stream().filter(s -> s.lastStart() == LAGGING).count();
        long converted = BulletinTown.SPECS.stream().filter(s -> s.lastStart() == LAGGING && s.lastEnd() != LAGGING).count();
        long advancedStart = BulletinTown.SPECS.stream().filter(s -> s.lastStart() == ADVANCED).count();
        int n = BulletinTown.SPECS.size();
        assertThat(last).containsExactly((town.year - 1) + "年度", "" + n, "" + n, "" + endAdvanced, "" + endAverage, "0",
                rate(endAdvanced, n), rate(0, advancedStart), rate(upgraded, average), rate(converted, lagging));
        // this year: graded at its start, not yet reviewed
        List<String> current = new ArrayList<>();
        end.get("rows").get(1).get("cells").forEach(c -> current.add(cell(c)));
        assertThat(current.subList(0, 3)).containsExactly(town.year + "年度", "3", "尚未审定");
        assertThat(current.subList(3, current.size())).containsOnly("—");
        // the charts: the classes per year, and the rates per year
        assertThat(b.get("charts")).hasSize(2);
        assertThat(b.get("charts").get(0).get("categories").toString()).contains((town.year - 1) + "年度", town.year + "年度");
        assertThat(b.get("definitions").toString()).contains("年初定级", "一般升级率", "后进转化率");
        // drilled into a village: its own line; a neighbour refused; the workbook
        JsonNode village = as(BY, get("/api/dashboard/trends").param("campaign", "" + town.campaign)
                .param("org", "" + town.villages.get("甲村")), null, 200);
        assertThat(village.get("organizationId").asLong()).isEqualTo(town.villages.get("甲村"));
        assertThat(town.send(get("/api/dashboard/trends").param("campaign", "" + town.campaign).param("org", "" + town.id),
                NEIGHBOUR, null).getStatus()).isIn(403, 404);
        var x = town.xlsx(town.send(get("/api/dashboard/trends/export.xlsx").param("campaign", "" + town.campaign), BY, null),
                "年度");
        assertThat(x.headers()).contains("年度", "先进（个）", "先进占比（%）");
        String page = town.send(get("/dashboard/trends").param("campaign", "" + town.campaign), BY, null)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-block=\"trends\"", "历年对比");
    }

    static String rate(long n, long of) {
        return of == 0 ? "—" : java.math.BigDecimal.valueOf(n * 100).divide(java.math.BigDecimal.valueOf(of), 2,
                java.math.RoundingMode.HALF_UP).toPlainString() + "%（" + n + "/" + of + "）";
    }
}
