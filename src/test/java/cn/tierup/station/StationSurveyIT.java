package cn.tierup.station;

import cn.tierup.station.internal.StationRepository;
import cn.tierup.station.internal.StationSessionRepository;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Stations in the 现状大调查: a host reports on each of its stations in its report (refused while one is missing, for a
 * station it does not host, or past the length), the report is returned and handed in again with its entries kept per
 * version; the 远程教育 questionnaire is launched and answered; 附件5 adds up what this test made, line by line.
 */
@IntegrationTest
class StationSurveyIT {

    static final int YEAR = CampaignFixture.OWN_TOWN_YEAR;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired StationRepository stationRepository;
    @Autowired StationSessionRepository sessionRepository;

    SurveyTown town(String name) throws Exception {
        return new SurveyTown(mvc, users, jdbc, json, stationRepository, sessionRepository, name);
    }

    static Map<String, Object> entry(Station s, String lead, boolean withEffect) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("stationId", s.getId());
        e.put("operation", lead + "站点每周开放两次，设备运行正常，有使用登记。");
        e.put("staffing", "村文书兼任管理员，已参加县级培训。");
        e.put("resources", "除上级下发课件外，自制种植技术课件6部。");
        e.put("funding", "县级财政每年拨付运行维护经费。");
        e.put("assessment", "建立学用登记和季度考核制度。");
        if (withEffect) {
            e.put("effect", "组织党员群众学习种养殖技术，带动增收。");
        }
        e.put("extension", "");
        return e;
    }

    static Map<String, Object> report(Long version, List<Map<String, Object>> stations) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("basicSituation", "本村党支部坚持“三会一课”，远程教育站点正常运转。");
        b.put("mainProblems", "党员老龄化，青年党员偏少。");
        b.put("causes", "青壮年外出务工多。");
        b.put("measures", "在返乡青年中培养入党积极分子。");
        b.put("meetingOn", YEAR + "-03-20");
        b.put("meetingAttendance", 5);
        b.put("version", version);
        if (stations != null) {
            b.put("stations", stations);
        }
        return b;
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    long templateId(String code) {
        return jdbc.sql("select id from questionnaire_template where code = :c").param("c", code).query(Long.class).single();
    }

    /** Answers the 远程教育 questionnaire once, from a browser that opened the form (q5 is asked only of those who never attend). */
    void answer(String slug, String category, String address) throws Exception {
        Cookie token = mvc.perform(get("/q/" + slug)).andReturn().getResponse().getCookie("tq_" + slug);
        assertThat(token).as("the form gives an answering token").isNotNull();
        int status = mvc.perform(post("/q/" + slug).param("category", category).param("q1", "0").param("q2", "1")
                        .param("q3", "0").param("q4", "1").param("q6", "0").param("q7", "2").cookie(token).with(from(address)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(302);
    }

    @Test
    void aVillageReportsOnEachOfItsStationsIsReturnedAndHandsInAgain() throws Exception {
        SurveyTown town = town("远教报告测试镇党委");
        long village = town.village("远教报告测试镇红星村党支部");
        long other = town.village("远教报告测试镇石岭村党支部");
        long campaign = town.campaign(YEAR);
        town.account("yjbg-cun", "王书记", village, "BRANCH");
        town.account("yjbg-zhen", "周委员", town.id, "SUPERVISOR");
        Station first = town.station(village, "红星村一组远程教育站点", TerminalKind.SATELLITE, StationStatus.IN_USE, "2000",
                LocalDate.of(YEAR - 3, 4, 1));
        Station second = town.station(village, "红星村党员活动室站点", TerminalKind.INTERNET, StationStatus.SUSPENDED, "0",
                LocalDate.of(YEAR - 2, 4, 1));
        Station foreign = town.station(other, "石岭村远程教育站点", TerminalKind.CABLE, StationStatus.IN_USE, "500",
                LocalDate.of(YEAR - 2, 4, 1));
        String base = "/api/campaigns/" + campaign + "/orgs/" + village + "/report";

        JsonNode draft = town.as("yjbg-cun", put(base), report(null, List.of(entry(first, "一组", true))), 200);
        assertThat(draft.get("stations")).hasSize(2);
        assertThat(draft.get("stations").get(0).get("stationName").asText()).isEqualTo("红星村党员活动室站点");
        assertThat(draft.get("stations").get(0).has("operation")).as("nothing written yet").isFalse();
        assertThat(draft.get("stations").get(1).get("operation").asText()).startsWith("一组");
        long v = draft.get("version").asLong();

        // hand-in refused while the second station has no entry: nothing handed in
        JsonNode refused = town.as("yjbg-cun", post(base + "/submit"), report(v, List.of(entry(first, "一组", true))), 422);
        assertThat(refused.get("detail").asText()).contains("红星村党员活动室站点", "还没有填写");
        JsonNode still = town.as("yjbg-cun", get(base), null, 200);
        assertThat(still.get("status").asText()).isEqualTo("DRAFT");
        assertThat(still.get("versionCount").asInt()).isZero();

        // a station of another organisation: refused, the stored entry untouched
        refused = town.as("yjbg-cun", put(base), report(v, List.of(entry(first, "改过", true), entry(foreign, "石岭", true))), 422);
        assertThat(refused.get("detail").asText()).contains("不在本组织设立的远程教育站点中");
        assertThat(town.as("yjbg-cun", get(base), null, 200).get("stations").get(1).get("operation").asText()).startsWith("一组");

        // too long: refused with the limit
        Map<String, Object> tooLong = entry(first, "一组", true);
        tooLong.put("effect", "长".repeat(2001));
        String body = mvc.perform(put(base).with(users.as("yjbg-cun")).contentType("application/json")
                .content(json.writeValueAsString(report(v, List.of(tooLong))))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("2000 字");
        assertThat(town.as("yjbg-cun", get(base), null, 200).get("stations").get(1).get("effect").asText()).startsWith("组织党员");

        // a required part missing
        refused = town.as("yjbg-cun", post(base + "/submit"), report(v, List.of(entry(first, "一组", true),
                entry(second, "活动室", false))), 422);
        assertThat(refused.get("detail").asText()).contains("红星村党员活动室站点", "站点作用发挥情况");

        JsonNode submitted = town.as("yjbg-cun", post(base + "/submit"), report(v, List.of(entry(first, "一组", true),
                entry(second, "活动室", true))), 200);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("versions").get(0).get("stations")).hasSize(2);
        long reportId = submitted.get("id").asLong();

        town.as("yjbg-zhen", post("/api/reports/" + reportId + "/return"), Map.of("reason", "请补充活动室站点停用的原因"), 200);
        JsonNode returned = town.as("yjbg-cun", get(base), null, 200);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        JsonNode again = town.as("yjbg-cun", post(base + "/submit"), report(returned.get("version").asLong(),
                List.of(entry(first, "一组", true), entry(second, "活动室因设备故障停用，已报修。", true))), 200);
        assertThat(again.get("versionCount").asInt()).isEqualTo(2);
        assertThat(entryOf(again.get("versions").get(0), "红星村党员活动室站点").get("operation").asText())
                .startsWith("活动室因设备故障");
        assertThat(entryOf(again.get("versions").get(1), "红星村党员活动室站点").get("operation").asText()).startsWith("活动室站点");
        assertThat(again.get("versions").get(1).get("outcome").asText()).isEqualTo("RETURNED");
        town.as("yjbg-zhen", post("/api/reports/" + reportId + "/accept"), null, 200);
    }

    static JsonNode entryOf(JsonNode version, String stationName) {
        for (JsonNode e : version.get("stations")) {
            if (e.get("stationName").asText().equals(stationName)) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + stationName + " in " + version);
    }

    @Test
    void theRemoteEducationQuestionnaireIsLaunchedFromItsPageAndOverTheApiAndAnswered() throws Exception {
        SurveyTown town = town("远教问卷测试镇党委");
        long village = town.village("远教问卷测试镇新民村党支部");
        long campaign = town.campaign(YEAR);
        town.account("yjwj-cun", "赵书记", village, "BRANCH");
        long template = templateId("REMOTE_EDUCATION");
        LocalDate today = LocalDate.now();

        String form = mvc.perform(get("/questionnaires/new").param("campaign", "" + campaign).param("org", "" + village)
                .with(users.as("yjwj-cun"))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("党员干部现代远程教育问卷调查表");

        var launched = mvc.perform(post("/questionnaires").with(users.as("yjwj-cun"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("campaign", "" + campaign).param("org", "" + village).param("templateId", "" + template)
                .param("mode", "OPEN").param("opensOn", today.toString()).param("closesOn", today.plusDays(30).toString()))
                .andReturn().getResponse();
        assertThat(launched.getStatus()).isEqualTo(302);
        assertThat(launched.getRedirectedUrl()).matches("/questionnaires/\\d+");

        JsonNode api = town.as("yjwj-cun", post("/api/campaigns/" + campaign + "/orgs/" + village + "/questionnaires"),
                Map.of("templateId", template, "mode", "OPEN", "opensOn", today.toString(),
                        "closesOn", today.plusDays(30).toString()), 201);
        assertThat(api.get("title").asText()).isEqualTo("党员干部现代远程教育问卷调查表");
        String slug = api.get("slug").asText();
        String page = mvc.perform(get("/q/" + slug)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("远程教育终端站点的运行、管理和使用情况");
        answer(slug, "MEMBER", "198.51.100.31");
        JsonNode stats = town.as("yjwj-cun", get("/api/questionnaires/" + api.get("id").asLong() + "/statistics"), null, 200);
        assertThat(stats.get("respondentsBy").get("MEMBER").asLong()).isEqualTo(1);
    }

    /** A station this test made, and whether it is still on the registry. */
    record Made(long host, Station station, boolean onRegistry) {
    }

    /** A session this test recorded. */
    record Held(long host, LocalDate on, int members, int publicCount) {
    }

    @Test
    void attachmentFiveAddsUpTheTownsStationsLineByLine() throws Exception {
        SurveyTown town = town("远教汇总测试镇党委");
        long red = town.village("远教汇总测试镇红星村党支部");
        long stone = town.village("远教汇总测试镇石岭村党支部");
        long none = town.village("远教汇总测试镇新民村党支部");
        long campaign = town.campaign(YEAR);
        town.account("yjhz-cun", "刘书记", red, "BRANCH");
        town.account("yjhz-shi", "陈书记", stone, "BRANCH");
        town.account("yjhz-zhen", "吴委员", town.id, "SUPERVISOR");
        LocalDate opened = LocalDate.of(YEAR - 2, 5, 1);
        List<Made> made = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        Station a1 = town.station(red, "红星村卫星站点", TerminalKind.SATELLITE, StationStatus.IN_USE, "3000.50", opened);
        Station a2 = town.station(red, "红星村互联网站点", TerminalKind.INTERNET, StationStatus.SUSPENDED, "1200", opened);
        Station a3 = town.station(red, "红星村旧站点", TerminalKind.CABLE, StationStatus.IN_USE, "999", opened);
        Station b1 = town.station(stone, "石岭村移动站点", TerminalKind.MOBILE, StationStatus.IN_USE, "800.25", opened);
        Station t1 = town.station(town.id, "镇党群服务中心站点", TerminalKind.CABLE, StationStatus.IN_USE, "5000", opened);
        made.addAll(List.of(new Made(red, a1, true), new Made(red, a2, true), new Made(red, a3, false),
                new Made(stone, b1, true), new Made(town.id, t1, true)));
        held.add(session(town, red, a1, LocalDate.of(YEAR, 3, 10), 12, 5));
        held.add(session(town, red, a1, LocalDate.of(YEAR, 6, 1), 8, 20));
        held.add(session(town, red, a1, LocalDate.of(YEAR - 1, 12, 20), 9, 9));
        held.add(session(town, red, a3, LocalDate.of(YEAR, 4, 1), 3, 4));
        held.add(session(town, stone, b1, LocalDate.of(YEAR, 5, 5), 6, 10));
        held.add(session(town, town.id, t1, LocalDate.of(YEAR + 1, 1, 5), 7, 7));
        Station retired = stationRepository.findById(a3.getId()).orElseThrow();
        retired.retire(LocalDate.of(YEAR, 9, 1), retired.getVersion(), "test", LocalDateTime.now());
        stationRepository.saveAndFlush(retired);

        // 红星村 hands its report in with both its stations; 石岭村 only saves a draft about its own
        town.as("yjhz-cun", post("/api/campaigns/" + campaign + "/orgs/" + red + "/report/submit"),
                report(null, List.of(entry(a1, "卫星", true), entry(a2, "互联网", true))), 200);
        town.as("yjhz-shi", put("/api/campaigns/" + campaign + "/orgs/" + stone + "/report"),
                report(null, List.of(entry(b1, "移动", true))), 200);
        Map<Long, Boolean> handedIn = Map.of(red, true);
        Map<Long, Long> surveyed = Map.of(red, 2L);

        // the 远程教育 questionnaire of 红星村: two members and one of the public answer
        long template = templateId("REMOTE_EDUCATION");
        JsonNode q = town.as("yjhz-cun", post("/api/campaigns/" + campaign + "/orgs/" + red + "/questionnaires"),
                Map.of("templateId", template, "mode", "OPEN", "opensOn", LocalDate.now().toString(),
                        "closesOn", LocalDate.now().plusDays(30).toString()), 201);
        String slug = q.get("slug").asText();
        answer(slug, "MEMBER", "198.51.100.41");
        answer(slug, "MEMBER", "198.51.100.42");
        answer(slug, "PUBLIC", "198.51.100.43");
        Map<Long, long[]> answers = Map.of(red, new long[] {2, 1});

        JsonNode s = town.as("yjhz-zhen", get("/api/campaigns/" + campaign + "/orgs/" + town.id + "/station-survey-summary"),
                null, 200);
        assertThat(s.get("year").asInt()).isEqualTo(YEAR);
        List<Long> villages = List.of(red, stone, none);
        assertThat(s.get("children")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long id = villages.get(i);
            JsonNode line = s.get("children").get(i);
            assertThat(line.get("organizationId").asLong()).isEqualTo(id);
            check(line, h -> h == id, made, held, surveyed, handedIn, answers);
        }
        check(s.get("own"), h -> h == town.id, made, held, surveyed, handedIn, answers);
        check(s.get("total"), h -> true, made, held, surveyed, handedIn, answers);
        // the total, as a reader would add it up by hand
        assertThat(s.get("total").get("inUse").asLong() + s.get("total").get("suspended").asLong()).isEqualTo(4);
        assertThat(new BigDecimal(s.get("total").get("funding").asText())).isEqualByComparingTo("10000.75");
        assertThat(s.get("total").get("sessions").asLong()).isEqualTo(4);

        var page = mvc.perform(get("/survey/station-summary").param("campaign", "" + campaign).with(users.as("yjhz-zhen")))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("全市远程教育现状大调查情况汇总表", "远教汇总测试镇红星村党支部", "10,000.75", "各项数字的计算方法",
                        YEAR + " 年 1 月 1 日至 12 月 31 日");

        byte[] xlsx = mvc.perform(get("/survey/station-summary.xlsx").param("campaign", "" + campaign)
                .param("org", "" + town.id).with(users.as("yjhz-zhen"))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全市远程教育现状大调查情况汇总表");
            Row first = null;
            Row total = null;
            for (Row r : sheet) {
                String label = r.getCell(1) == null ? "" : r.getCell(1).toString();
                if (label.equals("远教汇总测试镇红星村党支部")) {
                    first = r;
                }
                if (r.getCell(0) != null && r.getCell(0).toString().equals("合计")) {
                    total = r;
                }
            }
            assertThat(first).isNotNull();
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(total).isNotNull();
            int last = total.getLastCellNum() - 1;
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(4);
            assertThat(total.getCell(last).getNumericCellValue()).isEqualTo(10000.75);
        }
    }

    Held session(SurveyTown town, long host, Station s, LocalDate on, int members, int publicCount) {
        town.session(s, on, members, publicCount);
        return new Held(host, on, members, publicCount);
    }

    /** One line against this test's own count of what lies under it. */
    static void check(JsonNode line, Predicate<Long> under, List<Made> made, List<Held> held, Map<Long, Long> surveyed,
                      Map<Long, Boolean> handedIn, Map<Long, long[]> answers) {
        List<Made> on = made.stream().filter(m -> m.onRegistry() && under.test(m.host())).toList();
        for (TerminalKind k : TerminalKind.values()) {
            long n = on.stream().filter(m -> m.station().getTerminalKind() == k).count();
            JsonNode v = line.get("byTerminal").get(k.name());
            assertThat(v == null ? 0 : v.asLong()).as(k.name()).isEqualTo(n);
        }
        assertThat(line.get("inUse").asLong()).isEqualTo(on.stream().filter(m -> m.station().getStatus() == StationStatus.IN_USE).count());
        assertThat(line.get("suspended").asLong()).isEqualTo(on.stream().filter(m -> m.station().getStatus() == StationStatus.SUSPENDED).count());
        BigDecimal funding = on.stream().map(m -> m.station().getYearlyFunding()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(line.get("funding").asText())).isEqualByComparingTo(funding);
        List<Long> hosts = on.stream().map(Made::host).distinct().toList();
        assertThat(line.get("hosts").asLong()).isEqualTo(hosts.size());
        assertThat(line.get("hostsHandedIn").asLong()).isEqualTo(hosts.stream().filter(h -> handedIn.getOrDefault(h, false)).count());
        assertThat(line.get("surveyed").asLong()).isEqualTo(hosts.stream().mapToLong(h -> surveyed.getOrDefault(h, 0L)).sum());
        List<Held> inYear = held.stream().filter(h -> under.test(h.host()) && h.on().getYear() == YEAR).toList();
        assertThat(line.get("sessions").asLong()).isEqualTo(inYear.size());
        assertThat(line.get("memberAttendance").asLong()).isEqualTo(inYear.stream().mapToLong(Held::members).sum());
        assertThat(line.get("publicAttendance").asLong()).isEqualTo(inYear.stream().mapToLong(Held::publicCount).sum());
        long members = answers.entrySet().stream().filter(e -> under.test(e.getKey())).mapToLong(e -> e.getValue()[0]).sum();
        long publicCount = answers.entrySet().stream().filter(e -> under.test(e.getKey())).mapToLong(e -> e.getValue()[1]).sum();
        assertThat(line.get("memberAnswers").asLong()).isEqualTo(members);
        assertThat(line.get("publicAnswers").asLong()).isEqualTo(publicCount);
    }
}
