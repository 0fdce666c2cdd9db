package cn.tierup;

import cn.tierup.ballot.BallotRequest;
import cn.tierup.ballot.Ballots;
import cn.tierup.testsupport.BrowserSupport;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page of the application passes axe-core's WCAG 2.1 A and AA rules with no critical or serious violation,
 * at 1440 px and at a 390 px phone, seen by a user allowed to see it. The pages are every GET route that answers
 * a page (not the API, not a download), read from the application's own request mappings: a page route missing
 * from the table below fails the test, so no page is added without being checked. axe-core is the script Deque
 * ships (injected into each page as loaded, nothing else of their binding is used).
 *
 * <p>A context of its own with the whole demo city, this year's campaign included, so that the pages show what a
 * new user sees. Like every browser journey it runs on the embedded database only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tierup.demo.enabled=true", "tierup.demo.campaign=true"})
@AutoConfigureMockMvc
@Import({TestUsers.class, DemoCity.class})
class AccessibilityBrowserIT {

    static final String PASSWORD = "tierup2026";
    static final Dimension WIDE = BrowserSupport.WIDE;
    static final Set<String> FAILING_IMPACTS = Set.of("critical", "serious");

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DemoCity demo;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;
    @Autowired Ballots ballots;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /** A page to check: as whom (null: signed out) and at which address. */
    record Visit(String user, String path) {
    }

    /** The page routes of the application: GET, not the API, answered by a view (not a body or a file). */
    Set<String> pageRoutes() {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod h = e.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            Class<?> returns = h.getMethod().getReturnType();
            boolean body = h.hasMethodAnnotation(ResponseBody.class)
                    || h.getBeanType().isAnnotationPresent(ResponseBody.class)
                    || h.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class);
            if (body || !(returns == String.class || returns == ModelAndView.class)) {
                continue;
            }
            for (String p : info.getPatternValues()) {
                if (!p.startsWith("/api") && !p.startsWith("/error") && !p.startsWith("/actuator")) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    long one(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    String text(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(String.class).optional().orElseThrow(() -> new IllegalStateException("nothing for " + sql));
    }

    /** A check of the members' template as it downloads (its example row names no organisation here: errors listed). */
    String importJob() {
        try {
            byte[] template = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/import/template/members.xlsx").with(users.as("admin"))).andReturn().getResponse().getContentAsByteArray();
            String out = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/import/members/jobs")
                            .file(new org.springframework.mock.web.MockMultipartFile("file", "党员.xlsx", null, template))
                            .with(users.as("admin")))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            return json.readTree(out).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode postJson(String url, String body) throws Exception {
        String out = mvc.perform(post(url).with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return json.readTree(out);
    }

    /** Where each page route is seen, and by whom; routes that answer no whole page say why they are not checked. */
    Map<String, Supplier<List<Visit>>> table() throws Exception {
        int year = LocalDate.now().getYear();
        long city = demo.orgId(DemoCity.CITY);
        long lichun = demo.orgId(DemoCity.LICHUN);
        long village = demo.orgOf("cun");
        long campaign = one("select id from campaign where root_organization_id = ? and campaign_year = ?", city, year);
        long member = one("select min(id) from member where organization_id = ?", village);
        long account = one("select id from account where username = 'cun'");
        long scheme = one("select min(id) from grading_scheme");
        long shipped = one("select min(id) from questionnaire_template");
        long copied = postJson("/api/questionnaire-templates/" + shipped + "/copy", "").get("id").asLong();
        JsonNode launched = postJson("/api/campaigns/" + campaign + "/orgs/" + lichun + "/questionnaires",
                "{\"templateId\": " + shipped + ", \"mode\": \"OPEN\"}");
        long questionnaire = launched.get("id").asLong();
        String slug = launched.get("slug").asText();
        long report = one("select min(id) from survey_report where campaign_id = ?", campaign);
        String pledgeSlug = text("select slug from pledge_board order by id fetch first 1 rows only");
        // a 审议's phone ballot as its voters see it (opened directly: the grading steps before it are not the point here)
        String pollSlug = ballots.open(new BallotRequest("中共彭州市丽春镇某村支部委员会对标定级审议", LocalDate.now(),
                List.of("一般"), List.of("AGREE", "DISAGREE", "ABSTAIN"), 3)).slug();
        String cv = "?campaign=" + campaign;
        String cvVillage = cv + "&org=" + village;

        Map<String, Supplier<List<Visit>>> t = new LinkedHashMap<>();
        t.put("/", () -> List.of(new Visit("admin", "/"), new Visit("zhen", "/"), new Visit("cun", "/"),
                new Visit("dangyuan", "/")));
        t.put("/home", () -> List.of(new Visit("zhen", "/home")));
        t.put("/login", () -> List.of(new Visit(null, "/login")));
        t.put("/me", () -> List.of(new Visit("dangyuan", "/me")));
        t.put("/account/password", () -> List.of(new Visit("zhen", "/account/password")));
        t.put("/accounts", () -> List.of(new Visit("admin", "/accounts")));
        t.put("/accounts/new", () -> List.of(new Visit("admin", "/accounts/new")));
        t.put("/accounts/{id}", () -> List.of(new Visit("admin", "/accounts/" + account)));
        t.put("/accounts/{id}/edit", () -> List.of(new Visit("admin", "/accounts/" + account + "/edit")));
        t.put("/audit", () -> List.of(new Visit("admin", "/audit")));
        t.put("/campaigns", () -> List.of(new Visit("admin", "/campaigns")));
        t.put("/campaigns/new", () -> List.of(new Visit("admin", "/campaigns/new")));
        t.put("/campaigns/{id}", () -> List.of(new Visit("admin", "/campaigns/" + campaign)));
        t.put("/campaigns/{id}/desk", () -> List.of(new Visit("zhen", "/campaigns/" + campaign + "/desk")));
        t.put("/campaigns/{id}/edit", () -> List.of(new Visit("admin", "/campaigns/" + campaign + "/edit")));
        t.put("/campaigns/{id}/reminders", () -> List.of(new Visit("admin", "/campaigns/" + campaign + "/reminders")));
        t.put("/campaigns/{campaignId}/orgs/{orgId}/activities",
                () -> List.of(new Visit("cun", "/campaigns/" + campaign + "/orgs/" + village + "/activities")));
        t.put("/campaigns/{campaignId}/orgs/{orgId}/questionnaire-rollup", () -> List.of(new Visit("zhen",
                "/campaigns/" + campaign + "/orgs/" + lichun + "/questionnaire-rollup?template=" + shipped)));
        t.put("/campaigns/{campaignId}/orgs/{orgId}/questionnaires",
                () -> List.of(new Visit("zhen", "/campaigns/" + campaign + "/orgs/" + lichun + "/questionnaires")));
        t.put("/campaigns/{campaignId}/orgs/{orgId}/report",
                () -> List.of(new Visit("cun", "/campaigns/" + campaign + "/orgs/" + village + "/report")));
        t.put("/assistance/{campaign}/{org}", () -> List.of(new Visit("zhen", "/assistance/" + campaign + "/" + village)));
        t.put("/cases/{campaign}/{org}", () -> List.of(new Visit("zhen", "/cases/" + campaign + "/" + village)));
        t.put("/goals/{campaign}/{org}", () -> List.of(new Visit("cun", "/goals/" + campaign + "/" + village)));
        t.put("/ledger/{campaign}/{org}", () -> List.of(new Visit("cun", "/ledger/" + campaign + "/" + village)));
        t.put("/setup/{campaign}", () -> List.of(new Visit("admin", "/setup/" + campaign)));
        t.put("/grading", () -> List.of(new Visit("zhen", "/grading" + cv)));
        // 工作看板: the town's cockpit and its wall screen
        t.put("/dashboard", () -> List.of(new Visit("zhen", "/dashboard" + cv), new Visit("admin", "/dashboard" + cv)));
        t.put("/dashboard/screen", () -> List.of(new Visit("zhen", "/dashboard/screen" + cv)));
        // 情况通报 and 历年对比, linked from the cockpit
        t.put("/dashboard/bulletins", () -> List.of(new Visit("zhen", "/dashboard/bulletins" + cv)));
        t.put("/dashboard/trends", () -> List.of(new Visit("zhen", "/dashboard/trends" + cv)));
        t.put("/grading-schemes", () -> List.of(new Visit("admin", "/grading-schemes")));
        t.put("/grading-schemes/{id}", () -> List.of(new Visit("admin", "/grading-schemes/" + scheme)));
        t.put("/grading-schemes/{id}/edit", () -> List.of(new Visit("admin", "/grading-schemes/" + scheme + "/edit")));
        t.put("/grading/case", () -> List.of(new Visit("cun", "/grading/case" + cvVillage),
                new Visit("zhen", "/grading/case" + cvVillage)));
        t.put("/grading/decisions", () -> List.of(new Visit("zhen", "/grading/decisions" + cv)));
        t.put("/grading/register", () -> List.of(new Visit("zhen", "/grading/register")));
        t.put("/grading/setup", () -> List.of(new Visit("admin", "/grading/setup" + cv)));
        t.put("/grading/tables", () -> List.of(new Visit("admin", "/grading/tables" + cv + "&org=" + city)));
        t.put("/import", () -> List.of(new Visit("admin", "/import")));
        t.put("/import/jobs/{id}", () -> List.of(new Visit("admin", "/import/jobs/" + importJob())));
        t.put("/members", () -> List.of(new Visit("zhen", "/members?org=" + village)));
        t.put("/members/new", () -> List.of(new Visit("zhen", "/members/new?org=" + village)));
        t.put("/members/{id}", () -> List.of(new Visit("zhen", "/members/" + member)));
        t.put("/members/{id}/edit", () -> List.of(new Visit("zhen", "/members/" + member + "/edit")));
        t.put("/members/{id}/leave", () -> List.of(new Visit("zhen", "/members/" + member + "/leave")));
        t.put("/members/{id}/transfer", () -> List.of(new Visit("zhen", "/members/" + member + "/transfer")));
        t.put("/orgs", () -> List.of(new Visit("admin", "/orgs")));
        t.put("/orgs/new", () -> List.of(new Visit("zhen", "/orgs/new?parent=" + lichun)));
        t.put("/orgs/{id}", () -> List.of(new Visit("zhen", "/orgs/" + lichun), new Visit("cun", "/orgs/" + village)));
        t.put("/orgs/{id}/authority", () -> List.of(new Visit("admin", "/orgs/" + lichun + "/authority")));
        t.put("/orgs/{id}/edit", () -> List.of(new Visit("zhen", "/orgs/" + village + "/edit")));
        t.put("/orgs/{id}/leadership", () -> List.of(new Visit("zhen", "/orgs/" + village + "/leadership")));
        t.put("/orgs/{id}/move", () -> List.of(new Visit("admin", "/orgs/" + village + "/move")));
        t.put("/orgs/{id}/retire", () -> List.of(new Visit("admin", "/orgs/" + village + "/retire")));
        t.put("/orgs/{orgId}/members", () -> List.of(new Visit("zhen", "/orgs/" + village + "/members")));
        // parts of pages, loaded into the tree and the organisation picker: checked as part of those pages
        t.put("/orgs/{id}/children", List::of);
        t.put("/orgs/picker", List::of);
        t.put("/pledges", () -> List.of(new Visit("cun", "/pledges" + cvVillage)));
        t.put("/pledges/overview", () -> List.of(new Visit("zhen", "/pledges/overview" + cv + "&org=" + lichun)));
        t.put("/q/p/{slug}", () -> List.of(new Visit(null, "/q/p/" + pledgeSlug)));
        t.put("/q/v/{slug}", () -> List.of(new Visit(null, "/q/v/" + pollSlug)));
        t.put("/q/{slug}", () -> List.of(new Visit(null, "/q/" + slug)));
        t.put("/q/{slug}/thanks", () -> List.of(new Visit(null, "/q/" + slug + "/thanks")));
        t.put("/questionnaire-templates", () -> List.of(new Visit("admin", "/questionnaire-templates")));
        t.put("/questionnaire-templates/{id}", () -> List.of(new Visit("admin", "/questionnaire-templates/" + shipped)));
        t.put("/questionnaire-templates/{id}/edit", () -> List.of(new Visit("admin", "/questionnaire-templates/" + copied + "/edit")));
        t.put("/questionnaires", () -> List.of(new Visit("zhen", "/questionnaires" + cv + "&org=" + lichun)));
        t.put("/questionnaires/new", () -> List.of(new Visit("zhen", "/questionnaires/new" + cv + "&org=" + lichun)));
        t.put("/questionnaires/rollup", () -> List.of(new Visit("zhen",
                "/questionnaires/rollup" + cv + "&org=" + lichun + "&template=" + shipped)));
        t.put("/questionnaires/{id}", () -> List.of(new Visit("zhen", "/questionnaires/" + questionnaire)));
        t.put("/questionnaires/{id}/poster", () -> List.of(new Visit("zhen", "/questionnaires/" + questionnaire + "/poster")));
        t.put("/questionnaires/{id}/statistics", () -> List.of(new Visit("zhen", "/questionnaires/" + questionnaire + "/statistics")));
        t.put("/reports/{id}", () -> List.of(new Visit("admin", "/reports/" + report)));
        t.put("/survey", () -> List.of(new Visit("zhen", "/survey" + cv)));
        t.put("/survey/activities", () -> List.of(new Visit("cun", "/survey/activities" + cvVillage)));
        t.put("/survey/report", () -> List.of(new Visit("cun", "/survey/report" + cvVillage),
                new Visit("zhen", "/survey/report" + cv + "&org=" + lichun)));
        t.put("/survey/summary", () -> List.of(new Visit("admin", "/survey/summary" + cv + "&org=" + city)));
        t.put("/survey/station-summary", () -> List.of(new Visit("admin", "/survey/station-summary" + cv + "&org=" + city)));
        t.put("/upgrade", () -> List.of(new Visit("zhen", "/upgrade" + cv)));
        t.put("/upgrade/assistance", () -> List.of(new Visit("zhen", "/upgrade/assistance" + cvVillage)));
        t.put("/upgrade/goal", () -> List.of(new Visit("cun", "/upgrade/goal" + cvVillage)));
        t.put("/upgrade/ledger", () -> List.of(new Visit("cun", "/upgrade/ledger" + cvVillage)));
        // 总结验收: last year's reviews, which the demo has decided
        long lastYear = one("select id from campaign where root_organization_id = ? and campaign_year = ?", city, year - 1);
        String lastVillage = "?campaign=" + lastYear + "&org=" + village;
        t.put("/acceptance/reviews", () -> List.of(new Visit("zhen", "/acceptance/reviews?campaign=" + lastYear),
                new Visit("cun", "/acceptance/reviews?campaign=" + lastYear)));
        t.put("/acceptance/review", () -> List.of(new Visit("cun", "/acceptance/review" + lastVillage)));
        t.put("/acceptance/review/decision", () -> List.of(new Visit("zhen", "/acceptance/review/decision" + lastVillage)));
        // 党员群众民主测评: the town's desk, a paper sitting being entered (put into its tables directly: the grading
        // before it is not the point here) and a phone sitting's ballot as a member sees it
        var sittingKey = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into acceptance_appraisal (campaign_id, holder_organization_id, held_on, place, members_expected,"
                + " members_present, public_expected, public_present, mode, status, created_by, created_at, updated_at, version)"
                + " values (:c, :o, current_date, '镇党委会议室', 30, 25, 10, 8, 'PAPER', 'ENTERING', 'zhen', current_timestamp,"
                + " current_timestamp, 0)").param("c", campaign).param("o", lichun).update(sittingKey, "id");
        long sitting = sittingKey.getKey().longValue();
        jdbc.sql("insert into acceptance_appraisal_line (appraisal_id, position, organization_id, organization_name)"
                + " values (:a, 0, :o, :n)").param("a", sitting).param("o", village).param("n", demo.orgName(village)).update();
        String appraisalSlug = ballots.open(new BallotRequest("2026年度中共彭州市丽春镇委员会党员群众民主测评", LocalDate.now(),
                List.of(demo.orgName(village), "中共彭州市丽春镇某村支部委员会"), List.of("SATISFIED", "FAIRLY_SATISFIED",
                "DISSATISFIED"), 3)).slug();
        t.put("/acceptance/appraisals", () -> List.of(new Visit("zhen", "/acceptance/appraisals" + cv)));
        t.put("/acceptance/appraisals/{id}", () -> List.of(new Visit("zhen", "/acceptance/appraisals/" + sitting)));
        t.put("/q/a/{slug}", () -> List.of(new Visit(null, "/q/a/" + appraisalSlug)));
        // 总结验收: last year's campaign, where 丽春镇 graded its villages; a 示范 recorded for the village by the city
        long recognition = postJson("/api/acceptance/recognitions", ("{\"organizationId\": %d, \"level\": \"CITY\","
                + " \"recognizedOn\": \"%d-07-01\", \"issuedBy\": \"中共成都市委组织部\", \"documentNumber\": \"成组通〔%d〕36号\"}")
                .formatted(village, year - 1, year - 1)).get("id").asLong();
        t.put("/acceptance/summaries", () -> List.of(new Visit("admin", "/acceptance/summaries?campaign=" + lastYear)));
        t.put("/acceptance/summaries/{campaign}/{authority}",
                () -> List.of(new Visit("zhen", "/acceptance/summaries/" + lastYear + "/" + lichun)));
        t.put("/acceptance/recognitions", () -> List.of(new Visit("zhen", "/acceptance/recognitions")));
        t.put("/acceptance/recognitions/{id}/edit", () -> List.of(new Visit("admin", "/acceptance/recognitions/" + recognition + "/edit")));
        // 总结验收: the town's 表彰 (one recorded here for its village, this year) and its grade transitions
        long commendation = one("select count(*) from acceptance_commendation where awarded_by_organization_id = ?", lichun) > 0
                ? one("select min(id) from acceptance_commendation where awarded_by_organization_id = ?", lichun)
                : postJson("/api/acceptance/commendations/" + campaign + "/" + lichun, ("{\"kind\": \"ADVANCED_ORGANIZATION\","
                        + " \"organizationId\": %d, \"level\": \"TOWNSHIP\", \"awardedOn\": \"%s\", \"documentNumber\":"
                        + " \"丽委发〔%d〕12号\", \"citation\": \"带领群众发展特色种植，村集体经济稳步增长。\"}")
                        .formatted(village, LocalDate.now(), year)).get("id").asLong();
        t.put("/acceptance/commendations", () -> List.of(new Visit("zhen", "/acceptance/commendations" + cv)));
        t.put("/acceptance/commendations/{id}", () -> List.of(new Visit("zhen", "/acceptance/commendations/" + commendation)));
        t.put("/acceptance/transitions", () -> List.of(new Visit("zhen", "/acceptance/transitions" + cv)));
        // 远程教育站点: the village's station (the demo's, or one made here) and one of its learning sessions
        long station = one("select count(*) from station where host_organization_id = ?", village) > 0
                ? one("select min(id) from station where host_organization_id = ?", village)
                : postJson("/api/stations", ("{\"hostOrganizationId\": %d, \"name\": \"无障碍检查远程教育站点\", \"address\":"
                        + " \"村党群服务中心\", \"terminalKind\": \"SATELLITE\", \"equipmentCondition\": \"GOOD\", \"managerName\":"
                        + " \"王淑芬\", \"openedOn\": \"2012-05-01\", \"status\": \"IN_USE\"}").formatted(village)).get("id").asLong();
        long stationSession = one("select count(*) from station_session where station_id = ?", station) > 0
                ? one("select min(id) from station_session where station_id = ?", station)
                : postJson("/api/stations/" + station + "/sessions", ("{\"heldOn\": \"%s\", \"topic\": \"农村电商实用技术\","
                        + " \"kind\": \"SKILL_TRAINING\", \"partyMembers\": 6, \"publicAttendees\": 20}")
                        .formatted(LocalDate.now())).get("id").asLong();
        t.put("/stations", () -> List.of(new Visit("zhen", "/stations")));
        t.put("/stations/new", () -> List.of(new Visit("cun", "/stations/new")));
        t.put("/stations/{id}", () -> List.of(new Visit("cun", "/stations/" + station)));
        t.put("/stations/{id}/sessions/{sessionId}", () -> List.of(new Visit("cun", "/stations/" + station + "/sessions/"
                + stationSession)));
        t.put("/stations/usage", () -> List.of(new Visit("zhen", "/stations/usage")));
        t.put("/stations/import", () -> List.of(new Visit("zhen", "/stations/import")));
        // 远程教育站点分类: that station's score sheet as the village fills it and as the town decides it
        t.put("/stations/grading", () -> List.of(new Visit("zhen", "/stations/grading" + cv)));
        t.put("/stations/grading/{campaign}/{station}", () -> List.of(new Visit("cun", "/stations/grading/" + campaign + "/" + station),
                new Visit("zhen", "/stations/grading/" + campaign + "/" + station),
                new Visit("zhen", "/stations/grading/" + campaign + "/" + station + "?round=YEAR_END")));
        t.put("/stations/grading/register", () -> List.of(new Visit("zhen", "/stations/grading/register")));
        // the recognitions page as a station's page opens it, to record the station a 示范站点
        t.put("/acceptance/recognitions", () -> List.of(new Visit("zhen", "/acceptance/recognitions"),
                new Visit("zhen", "/acceptance/recognitions?stationId=" + station)));
        t.put("/stations/tables", () -> List.of(new Visit("zhen", "/stations/tables" + cv)));
        // that station's 争创目标 and 整改台账, kept by the village and reviewed by the town
        t.put("/upgrade/stations/{station}/goal", () -> List.of(new Visit("cun", "/upgrade/stations/" + station + "/goal" + cv),
                new Visit("zhen", "/upgrade/stations/" + station + "/goal" + cv)));
        t.put("/upgrade/stations/{station}/ledger", () -> List.of(new Visit("cun", "/upgrade/stations/" + station + "/ledger" + cv)));
        return t;
    }

    @Test
    void everyPagePassesAxeCoresWcag21AaRulesAtDesktopAndPhoneWidth() throws Exception {
        Map<String, Supplier<List<Visit>>> table = table();
        Set<String> missing = new TreeSet<>(pageRoutes());
        missing.removeAll(table.keySet());
        assertThat(missing).as("page routes without an accessibility check: add them to AccessibilityBrowserIT's table").isEmpty();

        String axe = axeScript();
        browser.baseUrl("http://localhost:" + port);
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int checked = 0;
        String signedIn = "";
        for (Dimension size : List.of(WIDE, BrowserSupport.PHONE)) {
            if (size.equals(WIDE)) {
                browser.wide();
            } else {
                browser.phone();
            }
            // one sign-in per user and width: the visits grouped by who sees them, in the table's order within each
            Map<String, List<Visit>> byUser = new LinkedHashMap<>();
            for (Supplier<List<Visit>> route : table.values()) {
                for (Visit v : route.get()) {
                    byUser.computeIfAbsent(v.user() == null ? "" : v.user(), u -> new ArrayList<>()).add(v);
                }
            }
            for (List<Visit> visits : byUser.values()) {
                for (Visit v : visits) {
                    String who = v.user() == null ? "" : v.user();
                    if (!who.equals(signedIn)) {
                        browser.driver().manage().deleteAllCookies();
                        if (v.user() != null) {
                            browser.login(v.user(), PASSWORD);
                        }
                        signedIn = who;
                    }
                    browser.open(v.path());
                    List<String> found = violations(axe);
                    checked++;
                    String where = size.getWidth() + " px, " + (v.user() == null ? "signed out" : v.user()) + ", " + v.path();
                    report.append(where).append(": ").append(found.isEmpty() ? "ok" : String.join("; ", found)).append('\n');
                    found.forEach(f -> problems.add(where + " — " + f));
                }
            }
        }
        Files.writeString(BrowserSupport.screenshotDir().resolve("accessibility-report.txt"), report.toString());
        assertThat(checked).isGreaterThan(2 * table.size() - 10);
        assertThat(problems).as("critical or serious WCAG 2.1 A/AA violations (axe-core)").isEmpty();
    }

    /**
     * The public pages' 大字 switch on a 390 px phone: one tap makes the type and the touch targets larger, the
     * browser remembers it on the next page and the next visit, nothing runs off the side of the screen, and the
     * page still passes the same rules.
     */
    @Test
    void thePublicPagesBigTextSwitchIsRememberedAndKeepsThePageWhole() throws Exception {
        table();
        String slug = text("select slug from questionnaire order by id desc fetch first 1 rows only");
        String pledgeSlug = text("select slug from pledge_board order by id fetch first 1 rows only");
        String axe = axeScript();
        browser.baseUrl("http://localhost:" + port);
        browser.phone();
        browser.driver().manage().deleteAllCookies();
        browser.open("/q/" + slug);
        browser.js("window.localStorage.removeItem('tierup-big-text');");
        browser.open("/q/" + slug);
        double before = fontSize("main h1");
        double choiceBefore = height("label.choice");
        var toggle = browser.visible(org.openqa.selenium.By.cssSelector("[data-big-switch]"));
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        browser.shot("a11y-phone-01-questionnaire-standard");
        browser.click(toggle);
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(fontSize("main h1")).isGreaterThan(before * 1.2);
        assertThat(height("label.choice")).isGreaterThanOrEqualTo(Math.max(56, choiceBefore));
        assertFits();
        // a screen reader announces each choice with its question
        var firstChoice = browser.find(org.openqa.selenium.By.cssSelector("#question-q1 input"));
        String question = browser.text(org.openqa.selenium.By.id("qtext-q1"));
        String option = browser.text(org.openqa.selenium.By.id("q1-o0"));
        assertThat(firstChoice.getAccessibleName()).contains(question).endsWith(option);
        assertThat(violations(axe)).as("the questionnaire in 大字").isEmpty();
        browser.shot("a11y-phone-02-questionnaire-big-text");

        // remembered: another public page opens in 大字 at once, and the switch turns it off again
        browser.open("/q/p/" + pledgeSlug);
        assertThat((Boolean) browser.js("return document.documentElement.classList.contains('big-text');")).isTrue();
        assertThat(browser.visible(org.openqa.selenium.By.cssSelector("[data-big-switch]")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertFits();
        assertThat(violations(axe)).as("the pledge page in 大字").isEmpty();
        browser.shot("a11y-phone-03-pledges-big-text");
        // 200 % zoom of a 640 px window leaves 320 CSS pixels: the page still reflows without sideways scrolling
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 700, "deviceScaleFactor", 2, "mobile", true));
        browser.open("/q/" + slug);
        assertThat(((Number) browser.js("return window.innerWidth;")).intValue()).isEqualTo(320);
        assertFits();
        browser.shot("a11y-phone-04-questionnaire-big-text-320");
        browser.phone();
        browser.open("/q/p/" + pledgeSlug);
        browser.click(browser.visible(org.openqa.selenium.By.cssSelector("[data-big-switch]")));
        browser.open("/q/" + slug);
        assertThat((Boolean) browser.js("return document.documentElement.classList.contains('big-text');")).isFalse();
        assertThat(fontSize("main h1")).isEqualTo(before);
    }

    double fontSize(String css) {
        return Double.parseDouble(String.valueOf(browser.js(
                "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);", css)));
    }

    double height(String css) {
        return Double.parseDouble(String.valueOf(browser.js(
                "return document.querySelector(arguments[0]).getBoundingClientRect().height;", css)));
    }

    /** Nothing wider than the screen: no sideways scrolling at 390 px. */
    void assertFits() {
        Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("page wider than the screen by").isLessThanOrEqualTo(0);
    }

    /** The critical and serious violations axe-core finds on the page as shown, one line each with the nodes. */
    List<String> violations(String axe) {
        if (!Boolean.TRUE.equals(browser.js("return typeof window.axe !== 'undefined';"))) {
            browser.js(axe);
        }
        Object out = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + n.html.substring(0, 160))})))))
                  .catch(e => done('ERROR ' + e));
                """);
        String text = String.valueOf(out);
        if (text.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed: " + text);
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode v : json.readTree(text)) {
            if (FAILING_IMPACTS.contains(v.get("impact").asText())) {
                List<String> nodes = new ArrayList<>();
                v.get("nodes").forEach(n -> nodes.add(n.asText()));
                lines.add(v.get("impact").asText() + " " + v.get("id").asText() + " (" + v.get("help").asText() + "): "
                        + String.join(", ", nodes));
            }
        }
        return lines;
    }

    /** axe-core's own script, as Deque ships it in their Selenium binding's jar. */
    static String axeScript() throws IOException {
        try (InputStream in = AccessibilityBrowserIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
