package cn.tierup.station;

import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.station.StationTown.session;
import static cn.tierup.station.StationTown.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;

/**
 * The station registry and its learning sessions over the API, at a town of this test's own: a village's account
 * registers, corrects and retires its station and records, corrects and deletes sessions; the town reads them and the
 * usage figures, checked against the sessions this test recorded; another town's account and a village beside are
 * turned away; bad input is refused with the reason and nothing changes; a retired host's stations are retired too.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationApiIT {

    static final String TOWN = "中共彭州市站点接口测试镇委员会";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    StationTown town;
    long village, beside, agency;
    final LocalDate today = OfficeDay.today();
    /** A year no other test of this class records sessions in (they record in the last few days). */
    final int year = OfficeDay.today().getYear() - 2;

    @BeforeAll
    void town() throws Exception {
        town = new StationTown(mvc, users, jdbc, json, TOWN);
        village = town.org(town.id, "中共彭州市站点接口测试镇红星村支部委员会", "BRANCH", "VILLAGE");
        beside = town.org(town.id, "中共彭州市站点接口测试镇白鹭村支部委员会", "BRANCH", "VILLAGE");
        agency = town.org(town.id, "中共彭州市站点接口测试镇机关支部委员会", "BRANCH", "AGENCY");
        town.account("zdcs-cun", "红星村书记", village, "BRANCH");
        town.account("zdcs-zhen", "站点接口测试镇书记", town.id, "SUPERVISOR");
    }

    long register(String as, long host, String name) throws Exception {
        return town.ok(town.send(post("/api/stations"), as, station(host, name, LocalDate.of(2012, 5, 1))), 201)
                .get("id").asLong();
    }

    long record(String as, long station, LocalDate on, int members, int publicCount) throws Exception {
        return town.ok(town.send(post("/api/stations/{id}/sessions", station), as,
                session(on, "学习新修订的《中国共产党纪律处分条例》", "GROUP_STUDY", members, publicCount)), 201).get("id").asLong();
    }

    /** What this test's town has stored: stations, sessions and their versions, and audit lines. */
    long stored() {
        return jdbc.sql("select (select count(*) + coalesce(sum(s.version), 0) from station s join organization o"
                        + " on o.id = s.host_organization_id where o.path like :p)"
                        + " + (select count(*) + coalesce(sum(x.version), 0) from station_session x join station s on s.id = x.station_id"
                        + " join organization o on o.id = s.host_organization_id where o.path like :p)"
                        + " + (select count(*) from audit_entry where entity_type in ('Station', 'StationSession')"
                        + " and organization_id in (select id from organization where path like :p))")
                .param("p", path(town.id) + "%").query(Long.class).single();
    }

    String path(long org) {
        return jdbc.sql("select path from organization where id = :id").param("id", org).query(String.class).single();
    }

    /** Refused with the status and a message containing {@code text}, and nothing stored or audited. */
    void refused(MockHttpServletResponse r, long before, int status, String text) throws Exception {
        JsonNode problem = town.ok(r, status);
        if (text != null) {
            assertThat(problem.get("detail").asText()).contains(text);
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aVillageKeepsItsStationAndSessionsAndTheTownReadsThem() throws Exception {
        long id = register("zdcs-cun", village, "红星村远程教育站点");
        JsonNode s = town.ok(town.send(get("/api/stations/{id}", id), "zdcs-zhen", null), 200);
        assertThat(s.get("hostName").asText()).isEqualTo("中共彭州市站点接口测试镇红星村支部委员会");
        assertThat(s.get("managerName").asText()).isEqualTo("周秀英");

        Map<String, Object> corrected = station(village, "红星村远程教育站点", LocalDate.of(2012, 5, 1));
        corrected.put("equipmentCondition", "POOR");
        corrected.put("version", s.get("version").asLong());
        JsonNode c = town.ok(town.send(put("/api/stations/{id}", id), "zdcs-cun", corrected), 200);
        assertThat(c.get("equipmentCondition").asText()).isEqualTo("POOR");
        // the version read before the correction is stale now
        town.ok(town.send(put("/api/stations/{id}", id), "zdcs-cun", corrected), 409);

        long first = record("zdcs-cun", id, today.minusDays(3), 8, 21);
        record("zdcs-cun", id, today.minusDays(1), 5, 0);
        JsonNode sessions = town.ok(town.send(get("/api/stations/{id}/sessions", id), "zdcs-zhen", null), 200);
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(1).get("id").asLong()).isEqualTo(first);

        Map<String, Object> fix = session(today.minusDays(3), "学习新修订的《中国共产党纪律处分条例》", "PARTY_LECTURE", 9, 21);
        fix.put("version", sessions.get(1).get("version").asLong());
        assertThat(town.ok(town.send(put("/api/stations/{id}/sessions/{s}", id, first), "zdcs-cun", fix), 200)
                .get("kind").asText()).isEqualTo("PARTY_LECTURE");
        long fresh = record("zdcs-cun", id, today.minusDays(2), 1, 1);
        town.ok(town.send(delete("/api/stations/{id}/sessions/{s}", id, fresh).param("version", "0"), "zdcs-cun", null), 204);
        assertThat(town.ok(town.send(get("/api/stations/{id}/sessions", id), "zdcs-cun", null), 200)).hasSize(2);

        JsonNode list = town.ok(town.send(get("/api/stations").param("org", "" + town.id), "zdcs-zhen", null), 200);
        assertThat(list.findValuesAsString("name")).contains("红星村远程教育站点");
        assertThat(town.xlsx(town.send(get("/api/stations/export.xlsx").param("org", "" + town.id), "zdcs-zhen", null),
                "站点名称").rows()).anyMatch(r -> "红星村远程教育站点".equals(r.cells().get("站点名称")));
        assertThat(town.xlsx(town.send(get("/api/stations/{id}/sessions/export.xlsx", id), "zdcs-zhen", null), "学习主题")
                .rows()).hasSize(3); // two sessions and the 合计 line
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Station' and entity_id = :id")
                .param("id", "" + id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void noOneOutsideTheHostsScopeReadsOrWritesItsStation() throws Exception {
        long id = register("zdcs-zhen", beside, "白鹭村远程教育站点");
        long before = stored();
        // the village beside, another town and a member of another village are turned away
        town.ok(town.send(get("/api/stations/{id}", id), "zdcs-cun", null), 403);
        town.ok(town.send(get("/api/stations/{id}", id), "zhen", null), 403);
        town.ok(town.send(get("/api/stations/{id}/sessions", id), "zhen", null), 403);
        refused(town.send(post("/api/stations/{id}/sessions", id), "zdcs-cun",
                session(today, "越权记录", "OTHER", 1, 1)), before, 403, null);
        refused(town.send(post("/api/stations"), "zdcs-cun", station(beside, "越权登记站点", LocalDate.of(2015, 1, 1))),
                before, 403, null);
        refused(town.send(post("/api/stations/{id}/retire", id), "zhen", Map.of("retiredOn", today.toString(), "version", 0)),
                before, 403, null);
        assertThat(town.ok(town.send(get("/api/stations").param("org", "" + beside), "zdcs-cun", null), 403)).isNotNull();
        assertThat(town.ok(town.send(get("/api/stations/usage").param("org", "" + town.id), "zdcs-cun", null), 403)).isNotNull();
        // a party member reads but does not write
        town.ok(town.send(post("/api/stations/{id}/sessions", id), "dangyuan", session(today, "越权记录", "OTHER", 1, 1)), 403);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingChanges() throws Exception {
        long id = register("zdcs-cun", village, "红星村第二远程教育站点");
        long before = stored();
        refused(town.send(post("/api/stations"), "zdcs-cun", station(null, "无依托单位站点", LocalDate.of(2015, 1, 1))),
                before, 422, "请选择依托单位");
        refused(town.send(post("/api/stations"), "zdcs-cun", station(999_999_999L, "无此单位站点", LocalDate.of(2015, 1, 1))),
                before, 404, null);
        refused(town.send(post("/api/stations"), "zdcs-cun", station(village, "未来站点", today.plusDays(1))),
                before, 422, "建站日期不能晚于今天");
        Map<String, Object> noName = station(village, "x", LocalDate.of(2015, 1, 1));
        noName.put("name", " ");
        refused(town.send(post("/api/stations"), "zdcs-cun", noName), before, 422, "请填写站点名称");
        Map<String, Object> funding = station(village, "经费有误站点", LocalDate.of(2015, 1, 1));
        funding.put("yearlyFunding", -5);
        refused(town.send(post("/api/stations"), "zdcs-cun", funding), before, 422, "年运行维护经费");
        refused(town.send(post("/api/stations"), "zdcs-cun", "{\"hostOrganizationId\": \"红星村\", \"openedOn\": \"昨天\"}"),
                before, 400, null);
        refused(town.send(post("/api/stations/{id}/sessions", id), "zdcs-cun", session(today, "人数为负", "OTHER", -1, 10)),
                before, 422, "参加人数不能为负数");
        refused(town.send(post("/api/stations/{id}/sessions", id), "zdcs-cun", session(today, "人数过多", "OTHER", 600, 401)),
                before, 422, "1 至 1000 人");
        refused(town.send(post("/api/stations/{id}/sessions", id), "zdcs-cun", session(today, "无人参加", "OTHER", 0, 0)),
                before, 422, "1 至 1000 人");
        refused(town.send(post("/api/stations/{id}/sessions", id), "zdcs-cun", session(LocalDate.of(2011, 1, 1), "建站前",
                "OTHER", 1, 1)), before, 422, "不能早于建站日期");
        refused(town.send(post("/api/stations/{id}/sessions", id), "zdcs-cun", "{\"partyMembers\": \"十\"}"), before, 400, null);
        refused(town.send(post("/api/stations/{id}/retire", id), "zdcs-cun", Map.of("retiredOn", "2011-01-01", "version", 0)),
                before, 422, "撤销日期不能早于建站日期");
        refused(town.send(delete("/api/stations/{id}/sessions/{s}", id, 999_999_999L).param("version", "0"), "zdcs-cun", null),
                before, 404, null);
        town.ok(town.send(get("/api/stations").param("shown", "NONSENSE"), "zdcs-cun", null), 400);
    }

    @Test
    void aRetiredStationLeavesTheRegistryAndTakesNoSessions() throws Exception {
        long id = register("zdcs-cun", village, "红星村第三远程教育站点");
        town.ok(town.send(post("/api/stations/{id}/retire", id), "zdcs-cun", Map.of("retiredOn", today.toString(),
                "version", 0)), 200);
        JsonNode registry = town.ok(town.send(get("/api/stations").param("org", "" + village), "zdcs-cun", null), 200);
        assertThat(registry.findValuesAsString("name")).doesNotContain("红星村第三远程教育站点");
        JsonNode retired = town.ok(town.send(get("/api/stations").param("org", "" + village).param("shown", "RETIRED"),
                "zdcs-cun", null), 200);
        assertThat(retired.findValuesAsString("name")).contains("红星村第三远程教育站点");
        long before = stored();
        refused(town.send(post("/api/stations/{id}/sessions", id), "zdcs-cun", session(today, "撤销后", "OTHER", 1, 1)),
                before, 422, "已撤销");
    }

    @Test
    void theUsageFiguresAddUpPerChildUnitOwnLevelAndMonth() throws Exception {
        long red = register("zdcs-zhen", village, "红星村统计站点");
        long white = register("zdcs-zhen", beside, "白鹭村统计站点");
        long own = register("zdcs-zhen", town.id, "镇机关统计站点");
        long office = register("zdcs-zhen", agency, "镇机关支部统计站点");
        Held[] recorded = {
                new Held(red, village, LocalDate.of(year, 1, 12), 10, 25), new Held(red, village, LocalDate.of(year, 1, 28), 4, 6),
                new Held(red, village, LocalDate.of(year, 6, 3), 12, 0), new Held(white, beside, LocalDate.of(year, 3, 9), 7, 40),
                new Held(own, town.id, LocalDate.of(year, 3, 30), 30, 2), new Held(own, town.id, LocalDate.of(year, 12, 31), 1, 1),
                new Held(office, agency, LocalDate.of(year, 11, 5), 15, 0),
                // another year: not counted
                new Held(red, village, LocalDate.of(year - 1, 5, 5), 50, 50)};
        for (Held r : recorded) {
            record("zdcs-zhen", r.station, r.on, r.members, r.publicCount);
        }
        JsonNode u = town.ok(town.send(get("/api/stations/usage").param("org", "" + town.id).param("year", "" + year),
                "zdcs-zhen", null), 200);
        Map<Long, long[]> expected = new HashMap<>();
        for (Held r : recorded) {
            if (r.on.getYear() == year) {
                long[] e = expected.computeIfAbsent(r.unit, k -> new long[15]);
                e[0]++;
                e[1] += r.members;
                e[2] += r.publicCount;
                e[2 + r.on.getMonthValue()]++;
            }
        }
        long[] total = new long[15];
        List<String> kinds = new ArrayList<>();
        for (JsonNode line : u.get("lines")) {
            kinds.add(line.get("kind").asText());
            Long unit = line.get("kind").asText().equals("TOTAL") ? null : line.get("organizationId").asLong();
            long[] e = unit == null ? total : expected.getOrDefault(unit, new long[15]);
            if (unit != null) {
                for (int i = 0; i < 15; i++) {
                    total[i] += e[i];
                }
            }
            String who = line.get("name").asText() + " " + line.get("kind").asText();
            assertThat(line.get("sessions").asLong()).as(who).isEqualTo(e[0]);
            assertThat(line.get("partyMembers").asLong()).as(who).isEqualTo(e[1]);
            assertThat(line.get("publicAttendees").asLong()).as(who).isEqualTo(e[2]);
            for (int m = 0; m < 12; m++) {
                assertThat(line.get("monthlySessions").get(m).asLong()).as(who + " month " + (m + 1)).isEqualTo(e[3 + m]);
            }
        }
        assertThat(kinds.subList(kinds.size() - 2, kinds.size())).containsExactly("OWN", "TOTAL");
        assertThat(kinds.subList(0, kinds.size() - 2)).hasSizeGreaterThanOrEqualTo(3).containsOnly("CHILD");
        assertThat(total[0]).isEqualTo(7);
        // the town's line in the city's figures holds all of it
        JsonNode city = town.ok(town.send(get("/api/stations/usage").param("year", "" + year), "admin", null), 200);
        JsonNode ours = null;
        for (JsonNode line : city.get("lines")) {
            if (line.path("organizationId").asLong() == town.id) {
                ours = line;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("sessions").asLong()).isEqualTo(total[0]);
        assertThat(ours.get("partyMembers").asLong() + ours.get("publicAttendees").asLong()).isEqualTo(total[1] + total[2]);
        assertThat(town.xlsx(town.send(get("/api/stations/usage/export.xlsx").param("org", "" + town.id)
                .param("year", "" + year), "zdcs-zhen", null), "单位").rows()).hasSizeGreaterThanOrEqualTo(5);
    }

    record Held(long station, long unit, LocalDate on, int members, int publicCount) {
    }

    @Test
    void aRetiredHostsStationsAreRetiredTheSameDay() throws Exception {
        long host = town.org(town.id, "中共彭州市站点接口测试镇青松村支部委员会", "BRANCH", "VILLAGE");
        long id = register("zdcs-zhen", host, "青松村远程教育站点");
        long version = jdbc.sql("select version from organization where id = :id").param("id", host).query(Long.class).single();
        town.ok(town.send(post("/api/orgs/{id}/retire", host), "admin", Map.of("on", today.toString(), "version", version)), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String retiredOn = null;
        while (retiredOn == null && System.nanoTime() < deadline) {
            retiredOn = jdbc.sql("select retired_on from station where id = :id").param("id", id)
                    .query((rs, n) -> rs.getString(1)).optional().orElse(null);
            if (retiredOn == null) {
                Thread.sleep(100);
            }
        }
        assertThat(retiredOn).startsWith(today.toString());
    }
}
