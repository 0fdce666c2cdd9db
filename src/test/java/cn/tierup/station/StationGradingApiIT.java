package cn.tierup.station;

import cn.tierup.testsupport.OwnTown;
import cn.tierup.grading.Grade;
import cn.tierup.station.internal.StationRepository;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A town of this class's own grades its villages' stations over the API in a past campaign rooted at it: the villages
 * self-assess on the shipped station standard and hand in, the town decides. A village deciding its own station, a
 * decision differing from the self-assessment without a reason, a score above its criterion's points and a station
 * outside the user's subtree are refused with a Chinese message and change nothing; a decision is reopened and made
 * again. 附件7's counts and shares and 附件6's lines must be what this class's own tally of its decisions gives.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationGradingApiIT {

    static final String TOWN = "中共彭州市云岭镇委员会";
    static final String TOWN_USER = "yunling-zhen";
    static final String TOWN_NAME = "赵文华";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired StationRepository stationRepository;
    @Autowired PlatformTransactionManager transactions;

    GradingTown town;
    long campaign;
    long east;
    long west;
    long south;
    long north;
    /** The village's account for each village. */
    final Map<Long, String> userOf = new LinkedHashMap<>();
    /** This class's own tally: per village, the stations counted and the grades decided. */
    final Map<Long, List<Long>> stationsOf = new LinkedHashMap<>();
    final Map<Long, Grade> decided = new LinkedHashMap<>();
    final Map<Long, Long> hostOf = new LinkedHashMap<>();

    @BeforeAll
    void town() throws Exception {
        town = new GradingTown(mvc, users, jdbc, json, stationRepository, transactions, TOWN);
        town.account(TOWN_USER, TOWN_NAME, town.id, "SUPERVISOR");
        east = village("中共云岭镇东坡村支部委员会", "yunling-dongpo", "钱东坡");
        west = village("中共云岭镇西溪村支部委员会", "yunling-xixi", "孙西溪");
        south = village("中共云岭镇南山村支部委员会", "yunling-nanshan", "周南山");
        north = village("中共云岭镇北岭村支部委员会", "yunling-beiling", "吴北岭");
        campaign = town.campaign(CampaignFixture.OWN_TOWN_YEAR);
    }

    long village(String name, String user, String person) throws Exception {
        long v = town.village(name);
        town.account(user, person, v, "BRANCH");
        userOf.put(v, user);
        stationsOf.put(v, new ArrayList<>());
        return v;
    }

    long station(long village, String name) {
        long s = town.station(village, name, LocalDate.of(CampaignFixture.OWN_TOWN_YEAR - 1, 5, 1));
        stationsOf.get(village).add(s);
        hostOf.put(s, village);
        return s;
    }

    @Test
    void theTownGradesItsVillagesStationsAndTheTablesCountTheDecisions() throws Exception {
        long eastMain = station(east, "东坡村远教站点");
        long eastSchool = station(east, "东坡村小学远教站点");
        long westMain = station(west, "西溪村远教站点");
        long southMain = station(south, "南山村远教站点");
        long northMain = station(north, "北岭村远教站点");
        // retired before the campaign's year: not on the registry that year, not counted
        town.retiredStation(north, "北岭村旧远教站点", LocalDate.of(1999, 3, 1), LocalDate.of(CampaignFixture.OWN_TOWN_YEAR - 1, 6, 30));
        // the town's own station: counted under 本级, never graded here
        long townStation = town.station(town.id, "云岭镇便民服务中心远教站点", LocalDate.of(CampaignFixture.OWN_TOWN_YEAR - 1, 1, 10));

        // the standard is the shipped station standard, with the notice's five aspects and a veto for a station not running
        JsonNode sheet = town.ok(town.answer(get(url(eastMain)), userOf.get(east), null));
        assertThat(sheet.get("schemeName").asText()).isEqualTo("远程教育站点分类标准");
        List<String> aspects = new ArrayList<>();
        sheet.get("standard").get("dimensions").forEach(d -> aspects.add(d.get("name").asText()));
        assertThat(aspects).containsExactly("站点运行", "管理制度", "学用效果", "经费保障", "群众评价");
        assertThat(sheet.get("standard").get("vetoes").get(0).asText()).startsWith("站点未正常运行");
        assertThat(sheet.get("authorityName").asText()).isEqualTo(TOWN);

        // a score above its criterion's points: refused, nothing saved
        town.refused(town.answer(put(url(eastMain) + "/self-assessment"), userOf.get(east),
                Map.of("scores", Map.of("1.1", 9), "statement", "站点运行正常", "version", 0)), 422, "“站点运行”第 1 条的得分应在 0 到 5 分之间");
        assertThat(count("select count(*) from station_grading where station_id = " + eastMain)).isZero();
        // the same on the page: refused, nothing saved, and the sheet comes back with every score, veto and sentence typed
        var page = mvc.perform(post("/stations/grading/" + campaign + "/" + eastMain + "/self-assessment")
                .with(users.as(userOf.get(east))).with(csrf()).param("scores[1.1]", "9").param("scores[1.2]", "3")
                .param("veto", "2").param("statement", "站点按月开放，设备良好。").param("version", "0"))
                .andReturn().getResponse();
        String body = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(body).contains("alert-danger").contains("value=\"9\"").contains("value=\"3\"")
                .contains("站点按月开放，设备良好。").containsPattern("id=\"veto2\"[^>]*checked");
        assertThat(count("select count(*) from station_grading where station_id = " + eastMain)).isZero();

        // a station outside the user's subtree: refused
        town.refused(town.answer(get(url(westMain)), userOf.get(east), null), 403, null);
        town.refused(town.answer(put(url(westMain) + "/self-assessment"), userOf.get(east),
                Map.of("scores", Map.of("1.1", 5), "statement", "越权", "version", 0)), 403, null);

        // self-assessments by the hosts, handed in
        assertThat(selfAssess(eastMain, east, 92, List.of()).get("proposedGrade").asText()).isEqualTo("先进");
        assertThat(selfAssess(eastSchool, east, 75, List.of()).get("proposedGrade").asText()).isEqualTo("一般");
        // with stations graded against it, the campaign's station standard can no longer be changed
        long shippedStandard = count("select id from grading_scheme where field = 'STATION' and owner_organization_id is null");
        town.refused(town.answer(put("/api/grading/setup/" + campaign + "/schemes/STATION"), "admin", Map.of("schemeId", shippedStandard)),
                422, "不能再更换标准");
        assertThat(selfAssess(westMain, west, 88, List.of()).get("proposedGrade").asText()).isEqualTo("先进");
        JsonNode vetoed = selfAssess(southMain, south, 95, List.of(1));
        assertThat(vetoed.get("proposedGrade").asText()).isEqualTo("后进");
        assertThat(vetoed.get("scoreTotal").asInt()).isEqualTo(95);
        selfAssess(northMain, north, 66, List.of());
        for (long s : List.of(eastMain, eastSchool, westMain, southMain)) {
            submit(s);
        }
        // handed in: the host cannot change it any more
        town.refused(town.answer(put(url(eastMain) + "/self-assessment"), userOf.get(east),
                Map.of("scores", Map.of("1.1", 1), "statement", "改分", "version", version(eastMain))), 422, "已经上报");

        // the host tries to decide its own station: refused with the reason, nothing changed
        town.refused(town.answer(post(url(westMain) + "/decision"), userOf.get(west), Map.of("grade", "先进", "version", version(westMain))),
                422, "承办党组织不能评定本单位站点的等次");
        assertThat(town.ok(town.answer(get(url(westMain)), userOf.get(west), null)).get("status").asText()).isEqualTo("SUBMITTED");
        // a village's station is decided by its town, not by another village
        town.refused(town.answer(post(url(westMain) + "/decision"), userOf.get(east), Map.of("grade", "先进", "version", version(westMain))),
                403, null);
        // not handed in yet: nothing to decide
        town.refused(town.answer(post(url(northMain) + "/decision"), TOWN_USER, Map.of("grade", "一般", "version", version(northMain))),
                422, "尚未上报");

        // differing from the self-assessment without a reason: refused, nothing changed
        town.refused(town.answer(post(url(westMain) + "/decision"), TOWN_USER, Map.of("grade", "一般", "reason", " ", "version", version(westMain))),
                422, "请写明评定理由");
        assertThat(town.ok(town.answer(get(url(westMain)), TOWN_USER, null)).path("decidedGrade").isMissingNode()).isTrue();

        decide(eastMain, "先进", null);
        decide(eastSchool, "一般", null);
        JsonNode westDecided = decide(westMain, "一般", "学习记录不全，群众参学率偏低");
        assertThat(westDecided.get("decisionReason").asText()).isEqualTo("学习记录不全，群众参学率偏低");
        assertThat(westDecided.get("decidedByName").asText()).isEqualTo(TOWN_NAME);
        decide(southMain, "后进", null);

        // the town reopens a decision, with a reason, and decides again
        town.refused(town.answer(post(url(southMain) + "/reopen"), TOWN_USER, Map.of("reason", "", "version", version(southMain))), 422, "撤回评定的原因");
        town.refused(town.answer(post(url(southMain) + "/reopen"), userOf.get(south), Map.of("reason", "不服", "version", version(southMain))),
                422, "承办党组织不能评定本单位站点的等次");
        JsonNode reopened = town.ok(town.answer(post(url(southMain) + "/reopen"), TOWN_USER,
                Map.of("reason", "核实站点仍在运行，否决事项有误", "version", version(southMain))));
        assertThat(reopened.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(reopened.path("decidedGrade").isMissingNode()).isTrue();
        decided.remove(southMain);
        decide(southMain, "一般", "经核实站点正常运行，不适用一票否决，按实际情况评为一般");

        // the audit trail keeps every step
        assertThat(count("select count(*) from audit_entry where entity_type = 'StationGrading' and action = 'REOPEN'"
                + " and entity_id = '" + id(southMain) + "'")).isEqualTo(1);

        // 附件7 for the town: a line per village, 本级 for the town's own station, 合计 — against this class's own tally
        byte[] summary = mvc.perform(get("/stations/tables/summary.xlsx").param("campaign", String.valueOf(campaign))
                .with(users.as(TOWN_USER))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(summary))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("远程教育站点分类情况汇总表");
            Map<String, Row> lines = new LinkedHashMap<>();
            for (Row r : s) {
                if (r.getCell(1) != null && r.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    lines.put(r.getCell(1).getStringCellValue(), r);
                }
            }
            for (long v : List.of(east, west, south, north)) {
                String name = jdbc.sql("select name from organization where id = :id").param("id", v).query(String.class).single();
                expectLine(lines.get(name), stationsOf.get(v).size(), decidedAt(v));
            }
            Row own = lines.entrySet().stream().filter(e -> e.getKey().startsWith("本级")).findFirst().orElseThrow().getValue();
            assertThat(own.getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(own.getCell(3).getNumericCellValue()).isZero();
            Row total = null;
            for (Row r : s) {
                if (r.getCell(0) != null && "合计".equals(r.getCell(0).getStringCellValue())) {
                    total = r;
                }
            }
            assertThat(total).isNotNull();
            long all = stationsOf.values().stream().mapToLong(List::size).sum() + 1;
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(all);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(decided.size());
            long[] byClass = classes(decided.values());
            for (int i = 0; i < 3; i++) {
                assertThat(total.getCell(4 + 2 * i).getNumericCellValue()).isEqualTo(byClass[i]);
            }
            assertThat(BigDecimal.valueOf(total.getCell(5).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP))
                    .isEqualByComparingTo(share(byClass[0], decided.size()));
            assertThat(BigDecimal.valueOf(total.getCell(7).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP))
                    .isEqualByComparingTo(share(byClass[1], decided.size()));
        }
        assertThat(townStation).isPositive();

        // 附件6: one line per decided station, each with its host and decided grade
        byte[] names = mvc.perform(get("/stations/tables/names.xlsx").param("campaign", String.valueOf(campaign))
                .with(users.as(TOWN_USER))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(names))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("远程教育站点分类名单统计表");
            Map<String, String> gradeOf = new LinkedHashMap<>();
            for (Row r : s) {
                if (r.getCell(4) != null && r.getCell(4).getStringCellValue().endsWith("远教站点")) {
                    gradeOf.put(r.getCell(4).getStringCellValue(), r.getCell(7).getStringCellValue());
                }
            }
            assertThat(gradeOf).containsExactlyInAnyOrderEntriesOf(Map.of("东坡村远教站点", "先进", "东坡村小学远教站点", "一般",
                    "西溪村远教站点", "一般", "南山村远教站点", "一般"));
        }

        // the register holds the grades with who decided, and a village sees only its own
        JsonNode register = town.ok(town.answer(get("/api/station-gradings/register?year=" + CampaignFixture.OWN_TOWN_YEAR), TOWN_USER, null));
        assertThat(register.get("total").asLong()).isEqualTo(decided.size());
        JsonNode westRegister = town.ok(town.answer(get("/api/station-gradings/register"), userOf.get(west), null));
        assertThat(westRegister.get("total").asLong()).isEqualTo(1);
        assertThat(westRegister.get("items").get(0).get("decidedByName").asText()).isEqualTo(TOWN_NAME);
        // the overview of the town lists every station it counts
        JsonNode list = town.ok(town.answer(get("/api/station-gradings?campaign=" + campaign), TOWN_USER, null));
        assertThat(list.get("total").asLong()).isEqualTo(stationsOf.values().stream().mapToLong(List::size).sum() + 1);
    }

    void expectLine(Row r, long stations, List<Grade> grades) {
        assertThat(r).isNotNull();
        assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(stations);
        assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(grades.size());
        long[] byClass = classes(grades);
        for (int i = 0; i < 3; i++) {
            assertThat(r.getCell(4 + 2 * i).getNumericCellValue()).isEqualTo(byClass[i]);
        }
    }

    List<Grade> decidedAt(long village) {
        return decided.entrySet().stream().filter(e -> hostOf.get(e.getKey()) == village).map(Map.Entry::getValue).toList();
    }

    static long[] classes(java.util.Collection<Grade> grades) {
        long[] c = new long[3];
        grades.forEach(g -> c[g.ordinal()]++);
        return c;
    }

    /** n ÷ of in percent, two decimals — the test's own arithmetic (these shares need no remainder shuffling). */
    static BigDecimal share(long n, long of) {
        return BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(of), 2, java.math.RoundingMode.HALF_UP);
    }

    JsonNode selfAssess(long station, long village, int total, List<Integer> vetoes) throws Exception {
        JsonNode standard = town.ok(town.answer(get(url(station)), userOf.get(village), null)).get("standard");
        Map<String, Integer> scores = new LinkedHashMap<>();
        int left = total;
        for (int d = 0; d < standard.get("dimensions").size(); d++) {
            JsonNode criteria = standard.get("dimensions").get(d).get("criteria");
            for (int c = 0; c < criteria.size() && left > 0; c++) {
                int p = Math.min(left, criteria.get(c).get("points").asInt());
                scores.put((d + 1) + "." + (c + 1), p);
                left -= p;
            }
        }
        return town.ok(town.answer(put(url(station) + "/self-assessment"), userOf.get(village), Map.of("scores", scores, "vetoes", vetoes,
                "statement", "站点全年正常开放，按月组织集中学习", "version", version(station))));
    }

    void submit(long station) throws Exception {
        JsonNode v = town.ok(town.answer(post(url(station) + "/submit"), userOf.get(hostOf.get(station)), Map.of("version", version(station))));
        assertThat(v.get("status").asText()).isEqualTo("SUBMITTED");
    }

    JsonNode decide(long station, String grade, String reason) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grade", grade);
        body.put("reason", reason);
        body.put("version", version(station));
        JsonNode v = town.ok(town.answer(post(url(station) + "/decision"), TOWN_USER, body));
        assertThat(v.get("decidedGrade").asText()).isEqualTo(grade);
        decided.put(station, Grade.valueOf(v.get("decidedLevel").asText()));
        return v;
    }

    long version(long station) {
        return jdbc.sql("select coalesce(max(version), 0) from station_grading where campaign_id = :c and station_id = :s")
                .param("c", campaign).param("s", station).query(Long.class).single();
    }

    long id(long station) {
        return jdbc.sql("select id from station_grading where campaign_id = :c and station_id = :s")
                .param("c", campaign).param("s", station).query(Long.class).single();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    String url(long station) {
        return "/api/station-gradings/" + campaign + "/" + station;
    }

}
