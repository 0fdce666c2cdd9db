package cn.tierup;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Permission;
import cn.tierup.testsupport.HostedStations;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.identity.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;

/**
 * Walks every route of the application as every kind of user, against an organisation (and a member and
 * an account of it) inside the user's scope and one outside it. The table below says, per route, how to
 * call it and what it needs; a route missing from the table fails the build, so no route is added
 * without an authorization expectation.
 *
 * <p>Write probes are built to pass the guard and then stop at a rule (a stale version, a taken username,
 * a weak password, a child under a 党支部), so walking the routes changes no shared demo record.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT {

    /** A version no record has: writes that get past the guard stop at the stale-record check. */
    static final long STALE = 999_999L;
    static final String ANY_METHOD = "ANY";
    /** The yes/no facts of a member, which the API requires. */
    static final String FLAGS = "\"retired\": false, \"floating\": false, \"inDifficulty\": false";
    static final MultiValueMap<String, String> FORM_FLAGS = new LinkedMultiValueMap<>(
            Map.of("_retired", List.of("on"), "_floating", List.of("on"), "_inDifficulty", List.of("on")));
    /**
     * The year of the city's probe campaign (the year before holds the handed-in reports): long past, so its phases
     * have all started, and far from the years other tests take relative to today (this year back to eleven
     * years ago), so it meets no campaign another test opens, now or for decades.
     */
    static final int PROBE_YEAR = 2003;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;
    @Autowired GradingBootstrap grading;
    @Autowired TransactionTemplate transactions;

    /**
     * Records of one organisation used as a target: the organisation, a member on its roll, an account bound to it,
     * its campaign records (with its grade decided by its parent in the city's campaign of the year before
     * {@link #PROBE_YEAR}, a line of the 分类管理台账) and its 晋位升级 and 公开承诺 records.
     */
    record Fixture(String label, long org, String orgName, String orgPath, long member, String memberName,
                   long account, String accountUsername, String accountName, Survey survey, Work work) {

        List<String> names() {
            List<String> names = new ArrayList<>(List.of(orgName, memberName, accountUsername, accountName));
            names.addAll(survey.names());
            names.addAll(work.names());
            return names;
        }

        @Override
        public String toString() {
            return label + "(" + orgName + ")";
        }
    }

    /**
     * The campaign records of a target: a campaign rooted at it; in the city's probe campaign of {@link #PROBE_YEAR}
     * its report (a draft), a survey record and a reminder sent to it; in that of the year before, its report handed
     * in with an attachment; in the campaign rooted at it, an open questionnaire it launched (its title comes from the
     * shipped template, so its short link tells it apart); and a copy of that template owned by it.
     */
    record Survey(long rootedCampaign, String rootedCampaignName, long report, String reportText, long attachment,
                  String attachmentName, long activity, String activityNote, long reminder, String reminderText,
                  long questionnaire, String slug, long template, String templateTitle) {

        List<String> names() {
            return List.of(rootedCampaignName, reportText, attachmentName, activityNote, reminderText, slug, templateTitle);
        }
    }

    /**
     * The 晋位升级 and 公开承诺 records of a target in the city's probe campaign of {@link #PROBE_YEAR} (where it has no
     * grade, so no goal can be written): a line of its 整改台账 with a progress note carrying an evidence file, a 帮扶
     * (a leader's contact point), and its pledge page with its 承诺书 handed in to its authority, a probationary
     * member (the pledges are for full and probationary members) whose 党员公开承诺书 is handed in to the branch, and a
     * resident's suggestion already set aside (suggesting is closed again).
     */
    record Work(long item, String problem, long note, String evidenceName, long assistance, String helperName,
                long pledge, String pledgeGoal, long pledgeMember, String pledgeMemberName, long memberPledge,
                long suggestion, String suggestionText) {

        List<String> names() {
            return List.of(problem, evidenceName, helperName, pledgeGoal, pledgeMemberName, suggestionText);
        }
    }

    /** A demo user acting on a target that is, by the organisation tree, inside or outside their scope. */
    record Case(String user, boolean inScope, Fixture target) {
        @Override
        public String toString() {
            return user + (inScope ? " in-scope " : " OUT-of-scope ") + target;
        }
    }

    /** What is known at the time a request is built. */
    record Probe(CurrentUser me, Fixture target) {
        long org() {
            return target.org();
        }

        long member() {
            return target.member();
        }

        long account() {
            return target.account();
        }

        Survey survey() {
            return target.survey();
        }

        Work work() {
            return target.work();
        }

        long home() {
            return me == null ? target.org() : me.organizationId();
        }
    }

    /** What a route needs. */
    sealed interface Access permits Guarded, Own, CampaignLine, ScopedList, Unbound, LoggedIn, Anyone, Public {
    }

    /** The permission on the target organisation (strictly below the user's own one when {@code below}). */
    record Guarded(Permission permission, boolean below) implements Access {
    }

    /** The permission, on the user's own organisation only (a reminder is marked read by the one it was sent to). */
    record Own(Permission permission) implements Access {
    }

    /**
     * The campaign rooted at the target: those at or under its root take part in it and those above it run it, so
     * both read it with the permission; an organisation beside it does not see it (a list answers without it).
     */
    record CampaignLine(Permission permission, boolean list) implements Access {
    }

    /** A list or search: needs the permission, and shows the target only when it is in scope. */
    record ScopedList(Permission permission) implements Access {
    }

    /** A permission of the role, not tied to one organisation (what it then touches is checked row by row). */
    record Unbound(Permission permission) implements Access {
    }

    /** Any logged-in user, about themselves (home page, own password, /api/me, the API description). */
    record LoggedIn() implements Access {
    }

    /** Anyone, logged in or not. */
    record Anyone() implements Access {
    }

    /**
     * A public page of the target's questionnaire behind its short link (no login, a stateless chain of its own):
     * every user and anonymous get the same answer, which names nothing of the organisation and stores no answer.
     */
    record Public(int status) implements Access {
    }

    /**
     * A route, and with a {@code variant} one of several probes of it (a route whose rule depends on the record it is
     * called on, such as signing the organisation's 承诺书 or a member's, is walked once per kind of record).
     */
    record Route(String method, String pattern, Access access, Function<Fixture, String> shows,
                 Function<Probe, AbstractMockHttpServletRequestBuilder<?>> request, String variant) {
        String key() {
            return method + " " + pattern;
        }

        /** The route and, where it is probed more than once, which probe. */
        String name() {
            return variant == null ? key() : key() + " (" + variant + ")";
        }

        Route variant(String which) {
            return new Route(method, pattern, access, shows, request, which);
        }

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/v3/api-docs");
        }
    }

    static Guarded needs(Permission p) {
        return new Guarded(p, false);
    }

    static Guarded needsBelow(Permission p) {
        return new Guarded(p, true);
    }

    static Route route(String method, String pattern, Access access, Function<Probe, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new Route(method, pattern, access, null, request, null);
    }

    static Route showing(Function<Fixture, String> shown, String method, String pattern, Access access,
                         Function<Probe, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new Route(method, pattern, access, shown, request, null);
    }

    static MockHttpServletRequestBuilder jsonBody(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String orgJson(String name) {
        return "{\"name\": \"%s\", \"kind\": \"BRANCH\", \"field\": \"VILLAGE\"}".formatted(name);
    }

    static String campaignJson(long root, Long version) {
        return "{\"rootOrganizationId\": %d, \"year\": %d, \"name\": \"授权核查新活动\"%s}"
                .formatted(root, PROBE_YEAR, version == null ? "" : ", \"version\": " + version);
    }

    static String reportJson(String text, LocalDate meetingOn, Long version) {
        return ("{\"basicSituation\": \"%s\", \"mainProblems\": \"党员老龄化。\", \"causes\": \"青年外出务工多。\","
                + " \"measures\": \"培养积极分子。\", \"meetingOn\": \"%s\", \"meetingAttendance\": 1, \"version\": %s}")
                .formatted(text, meetingOn, version);
    }

    /** The same with the 远程教育站点 part an organisation hosting stations hands in. */
    String reportJson(String text, LocalDate meetingOn, Long version, long org) {
        String plain = reportJson(text, meetingOn, version);
        return plain.substring(0, plain.length() - 1) + ", \"stations\": " + HostedStations.json(jdbc, org) + "}";
    }

    static String activityJson(LocalDate on, String note) {
        return "{\"kind\": \"SYMPOSIUM\", \"occurredOn\": \"%s\", \"amount\": 1, \"note\": \"%s\"}".formatted(on, note);
    }

    /** An .exe named .pdf: an allowed upload stops at "the content does not match the extension" and stores nothing. */
    static MockMultipartFile disguised() {
        return new MockMultipartFile("file", "授权核查.pdf", "application/pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
    }

    /** A window that closes before it opens: an allowed launch stops at that rule and creates no questionnaire. */
    static final LocalDate WINDOW_OPENS = LocalDate.of(PROBE_YEAR, 4, 30);
    static final LocalDate WINDOW_CLOSES = LocalDate.of(PROBE_YEAR, 4, 1);

    static String launchJson(long template, LocalDate opensOn, LocalDate closesOn) {
        return "{\"templateId\": %d, \"mode\": \"OPEN\", \"opensOn\": \"%s\", \"closesOn\": \"%s\"}"
                .formatted(template, opensOn, closesOn);
    }

    /** A caller's address from TEST-NET-1 (RFC 5737), which no real respondent has. */
    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /**
     * An answer to the village questionnaire, complete but for its first question, which picks an option that does not
     * exist: the public form answers 422 and stores nothing (it is turned away before the browser's right to answer is
     * spent or the burst limit counts it).
     */
    static MockHttpServletRequestBuilder wrongAnswers(String slug) {
        MockHttpServletRequestBuilder b = post("/q/{slug}", slug).param("category", "MEMBER").param("q1", "9");
        for (String key : List.of("q2", "q3", "q4", "q5", "q6", "q9", "q10")) {
            b.param(key, "0");
        }
        return b.param("q8", "0", "2").cookie(new Cookie("tq_" + slug, "authz-walk")).with(from("192.0.2.201"));
    }

    static String itemJson(String problem, LocalDate deadline, Long version) {
        return ("{\"problem\": \"%s\", \"measure\": \"授权核查措施\", \"responsible\": \"授权核查\", \"deadline\": \"%s\"%s}")
                .formatted(problem, deadline, version == null ? "" : ", \"version\": " + version);
    }

    static String accountJson(String username, long org, Long version) {
        return ("{\"username\": \"%s\", \"displayName\": \"授权核查\", \"organizationId\": %d, \"role\": \"MEMBER\","
                + " \"password\": \"Check2026pass\", \"enabled\": false%s}")
                .formatted(username, org, version == null ? "" : ", \"version\": " + version);
    }

    /** Every route of the application: how to call it, what it needs, and what it shows when allowed. */
    List<Route> routes() {
        Function<Fixture, String> org = Fixture::orgName;
        Function<Fixture, String> member = Fixture::memberName;
        Function<Fixture, String> account = Fixture::accountUsername;
        Function<Fixture, String> rooted = f -> f.survey().rootedCampaignName();
        Function<Fixture, String> report = f -> f.survey().reportText();
        Function<Fixture, String> attachment = f -> f.survey().attachmentName();
        Function<Fixture, String> activity = f -> f.survey().activityNote();
        Function<Fixture, String> slug = f -> f.survey().slug();
        Function<Fixture, String> questionnaireLink = f -> "/questionnaires/" + f.survey().questionnaire() + "\"";
        String questionnairesUrl = "/api/campaigns/{campaignId}/orgs/{orgId}/questionnaires";
        Function<Fixture, String> template = f -> f.survey().templateTitle();
        String questionsText = "1. 【单选】【必答】本村党组织是否按期换届？\n- 是\n- 否";
        String reportUrl = "/api/campaigns/{campaignId}/orgs/{orgId}/report";
        String tooLong = "请按时完成。".repeat(60);
        String caseUrl = "/api/grading/cases/{campaign}/{org}";
        Function<Fixture, String> problem = f -> f.work().problem();
        Function<Fixture, String> evidence = f -> f.work().evidenceName();
        Function<Fixture, String> helper = f -> f.work().helperName();
        Function<Fixture, String> pledgeGoal = f -> f.work().pledgeGoal();
        Function<Fixture, String> pledgeMemberName = f -> f.work().pledgeMemberName();
        Function<Fixture, String> stationName = this::stationName;
        Function<Fixture, String> stationTopic = f -> "授权核查站点学习" + f.label();
        String goalUrl = "/api/upgrade/goals/{campaign}/{org}";
        String goalJson = "{\"statement\": \"授权核查目标\", \"measures\": []}";
        String ledgerUrl = "/api/upgrade/ledger/{campaign}/{org}";
        String itemUrl = "/api/upgrade/ledger/items/{id}";
        String stationGoalUrl = "/api/upgrade/stations/{campaign}/{station}/goal";
        String stationLedgerUrl = "/api/upgrade/stations/{campaign}/{station}/ledger";
        // a deadline outside the campaign's year and the next
        LocalDate lateDeadline = LocalDate.of(PROBE_YEAR + 2, 1, 31);
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        String pledgesUrl = "/api/pledges/{campaign}/{org}";
        String stale = "{\"version\": " + STALE + "}";
        String staleReturn = "{\"reason\": \"授权核查退回\", \"version\": " + STALE + "}";
        // only an organisation's grading authority acts on it: every target is graded by its parent, so that is whoever
        // covers the target short of the target itself (as for the grading decision)
        Access authority = needsBelow(GRADING_DECIDE);
        String organisations = "the organisation's 承诺书, signed by its authority";
        String members = "a member's 承诺书, signed by the branch";
        Access loggedIn = new LoggedIn();
        return List.of(
                // --- the JSON API ---
                route("GET", "/api/me", loggedIn, p -> get("/api/me")),
                // a party member's home: their own branch only, whatever the tree would allow
                showing(org, "GET", "/api/member/home", new Own(MEMBER_HOME), p -> get("/api/member/home").param("org", "" + p.org())),
                showing(account, "GET", "/api/accounts", new ScopedList(ACCOUNT_MANAGE),
                        p -> get("/api/accounts").param("q", p.target().accountUsername())),
                showing(account, "GET", "/api/accounts/{id}", needs(ACCOUNT_MANAGE), p -> get("/api/accounts/{id}", p.account())),
                // "admin" is taken: an allowed call stops at 422 and creates nothing
                route("POST", "/api/accounts", needs(ACCOUNT_MANAGE),
                        p -> jsonBody(post("/api/accounts"), accountJson("admin", p.org(), null))),
                route("PUT", "/api/accounts/{id}", needs(ACCOUNT_MANAGE),
                        p -> jsonBody(put("/api/accounts/{id}", p.account()), accountJson(p.target().accountUsername(), p.org(), STALE))),
                route("POST", "/api/accounts/{id}/unlock", needs(ACCOUNT_MANAGE), p -> post("/api/accounts/{id}/unlock", p.account())),
                route("POST", "/api/accounts/{id}/password", needs(ACCOUNT_MANAGE),
                        p -> jsonBody(post("/api/accounts/{id}/password", p.account()), "{\"password\": \"weak\"}")),
                showing(org, "GET", "/api/orgs", needs(ORG_READ), p -> get("/api/orgs").param("under", "" + p.org())),
                showing(org, "GET", "/api/orgs/summary", needs(ORG_READ), p -> get("/api/orgs/summary").param("under", "" + p.org())),
                showing(org, "GET", "/api/orgs/{id}", needs(ORG_READ), p -> get("/api/orgs/{id}", p.org())),
                route("GET", "/api/orgs/{id}/children", needs(ORG_READ), p -> get("/api/orgs/{id}/children", p.org())),
                showing(org, "GET", "/api/orgs/{id}/trail", needs(ORG_READ), p -> get("/api/orgs/{id}/trail", p.org())),
                // every target is a 党支部: an allowed call stops at "no organisation under a branch"
                route("POST", "/api/orgs", needs(ORG_WRITE), p -> jsonBody(post("/api/orgs"),
                        "{\"parentId\": %d, \"organization\": %s}".formatted(p.org(), orgJson("授权核查新组织")))),
                route("PUT", "/api/orgs/{id}", needs(ORG_WRITE), p -> jsonBody(put("/api/orgs/{id}", p.org()),
                        "{\"version\": %d, \"organization\": %s}".formatted(STALE, orgJson(p.target().orgName())))),
                route("POST", "/api/orgs/{id}/move", needsBelow(ORG_MOVE), p -> jsonBody(post("/api/orgs/{id}/move", p.org()),
                        "{\"parentId\": %d, \"version\": %d}".formatted(p.home(), STALE))),
                route("POST", "/api/orgs/{id}/retire", needsBelow(ORG_WRITE),
                        p -> jsonBody(post("/api/orgs/{id}/retire", p.org()), "{\"version\": %d}".formatted(STALE))),
                route("PUT", "/api/orgs/{id}/authority", needs(ORG_AUTHORITY),
                        p -> jsonBody(put("/api/orgs/{id}/authority", p.org()), "{\"version\": %d}".formatted(STALE))),
                showing(member, "GET", "/api/orgs/{orgId}/members", needs(MEMBER_READ),
                        p -> get("/api/orgs/{orgId}/members", p.org()).param("q", p.target().memberName())),
                // a full member without a joining date: an allowed call stops at 422
                route("POST", "/api/orgs/{orgId}/members", needs(MEMBER_WRITE), p -> jsonBody(post("/api/orgs/{orgId}/members", p.org()),
                        "{\"name\": \"授权核查新党员\", \"sex\": \"MALE\", \"category\": \"FULL\", " + FLAGS + "}")),
                showing(member, "GET", "/api/members/{id}", needs(MEMBER_READ), p -> get("/api/members/{id}", p.member())),
                route("PUT", "/api/members/{id}", needs(MEMBER_WRITE), p -> jsonBody(put("/api/members/{id}", p.member()),
                        ("{\"version\": %d, \"member\": {\"name\": \"%s\", \"sex\": \"MALE\", \"category\": \"ACTIVIST\","
                                + " \"activistOn\": \"2024-05-01\", " + FLAGS + "}}").formatted(STALE, p.target().memberName()))),
                route("POST", "/api/members/{id}/transfer", needs(MEMBER_WRITE), p -> jsonBody(post("/api/members/{id}/transfer", p.member()),
                        "{\"targetOrganizationId\": %d, \"version\": %d}".formatted(p.home(), STALE))),
                route("POST", "/api/members/{id}/leave", needs(MEMBER_WRITE), p -> jsonBody(post("/api/members/{id}/leave", p.member()),
                        "{\"on\": \"2025-01-02\", \"reason\": \"DECEASED\", \"version\": %d}".formatted(STALE))),
                route("GET", "/api/audit", needs(AUDIT_READ), p -> get("/api/audit").param("org", "" + p.org())),
                route("GET", "/api/orgs/export.xlsx", needs(ORG_READ), p -> get("/api/orgs/export.xlsx").param("under", "" + p.org())),
                route("GET", "/api/members/export.xlsx", needs(MEMBER_READ), p -> get("/api/members/export.xlsx").param("org", "" + p.org())),
                // a blank template holds no data
                route("GET", "/api/import/template/{name}.xlsx", loggedIn, p -> get("/api/import/template/{name}.xlsx", "members")),
                // the blank template has no rows: an allowed import stops at "no data rows" and writes nothing
                route("POST", "/api/import/{name}", new Unbound(IMPORT), p -> multipart("/api/import/{name}", "orgs")
                        .file(new MockMultipartFile("file", "orgs.xlsx", XLSX.toString(), orgTemplate))),
                // the same blank template checked in the background: the job stops at "no data rows"
                route("POST", "/api/import/{name}/jobs", new Unbound(IMPORT), p -> multipart("/api/import/{name}/jobs", "orgs")
                        .file(new MockMultipartFile("file", "orgs.xlsx", XLSX.toString(), orgTemplate))),
                // no such job: an allowed call is told it is not found (a job is its starter's only)
                route("GET", "/api/import/jobs/{jobId}", new Unbound(IMPORT), p -> get("/api/import/jobs/{jobId}", "no-such-job")),
                route("POST", "/api/import/jobs/{jobId}/apply", new Unbound(IMPORT), p -> post("/api/import/jobs/{jobId}/apply", "no-such-job")),
                // campaigns: one rooted at the target; every target's probe year is taken, so an allowed opening or copy
                // stops at "this year's campaign exists" and an allowed change at the stale version
                showing(rooted, "GET", "/api/campaigns", new CampaignLine(CAMPAIGN_READ, true), p -> get("/api/campaigns")),
                route("POST", "/api/campaigns", needs(CAMPAIGN_MANAGE),
                        p -> jsonBody(post("/api/campaigns"), campaignJson(p.org(), null))),
                showing(rooted, "GET", "/api/campaigns/{id}", new CampaignLine(CAMPAIGN_READ, false),
                        p -> get("/api/campaigns/{id}", p.survey().rootedCampaign())),
                route("PUT", "/api/campaigns/{id}", needs(CAMPAIGN_MANAGE),
                        p -> jsonBody(put("/api/campaigns/{id}", p.survey().rootedCampaign()), campaignJson(p.org(), STALE))),
                route("POST", "/api/campaigns/{id}/copy", needs(CAMPAIGN_MANAGE),
                        p -> jsonBody(post("/api/campaigns/{id}/copy", p.survey().rootedCampaign()), "{\"year\": " + PROBE_YEAR + "}")),
                showing(rooted, "GET", "/api/campaigns/{id}/desk", new CampaignLine(CAMPAIGN_READ, false),
                        p -> get("/api/campaigns/{id}/desk", p.survey().rootedCampaign())),
                // no rule stops a reminder the API accepts: an allowed call sends one in the probe campaign
                route("POST", "/api/campaigns/{id}/reminders", needsBelow(CAMPAIGN_READ),
                        p -> jsonBody(post("/api/campaigns/{id}/reminders", probeCampaign),
                                "{\"organizationId\": %d, \"message\": \"授权核查催办\"}".formatted(p.org()))),
                route("GET", "/api/campaigns/{id}/reminders", new Unbound(CAMPAIGN_READ),
                        p -> get("/api/campaigns/{id}/reminders", probeCampaign)),
                route("POST", "/api/reminders/{id}/read", new Own(CAMPAIGN_READ),
                        p -> post("/api/reminders/{id}/read", p.survey().reminder())),
                // reports: every probe report has moved past version STALE, so an allowed save stops there; the probe
                // report is a draft, so an allowed review stops at "not handed in" (or at "only the direct superior")
                showing(report, "GET", reportUrl, needs(CAMPAIGN_READ), p -> get(reportUrl, probeCampaign, p.org())),
                route("PUT", reportUrl, needs(SURVEY_WRITE), p -> jsonBody(put(reportUrl, probeCampaign, p.org()),
                        reportJson("授权核查修改", LocalDate.of(PROBE_YEAR, 3, 20), STALE))),
                route("POST", reportUrl + "/submit", needs(SURVEY_WRITE), p -> jsonBody(post(reportUrl + "/submit", probeCampaign, p.org()),
                        reportJson("授权核查修改", LocalDate.of(PROBE_YEAR, 3, 20), STALE))),
                route("POST", reportUrl + "/attachments", needs(SURVEY_WRITE),
                        p -> multipart(reportUrl + "/attachments", probeCampaign, p.org()).file(disguised())),
                showing(report, "GET", "/api/reports/{id}", needs(CAMPAIGN_READ), p -> get("/api/reports/{id}", p.survey().report())),
                route("POST", "/api/reports/{id}/accept", needs(SURVEY_REVIEW), p -> post("/api/reports/{id}/accept", p.survey().report())),
                route("POST", "/api/reports/{id}/return", needs(SURVEY_REVIEW), p -> jsonBody(
                        post("/api/reports/{id}/return", p.survey().report()), "{\"reason\": \"授权核查退回\"}")),
                // the attachment's report is handed in: an allowed removal stops at "awaiting review"
                showing(attachment, "GET", "/api/attachments/{id}", needs(CAMPAIGN_READ),
                        p -> get("/api/attachments/{id}", p.survey().attachment())),
                route("DELETE", "/api/attachments/{id}", needs(SURVEY_WRITE), p -> delete("/api/attachments/{id}", p.survey().attachment())),
                // survey records: an entry dated outside the campaign's year stops at that rule; removing has no rule to
                // stop at, so each call gets a spare record of its target to remove
                showing(activity, "GET", "/api/campaigns/{campaignId}/orgs/{orgId}/activities", needs(CAMPAIGN_READ),
                        p -> get("/api/campaigns/{campaignId}/orgs/{orgId}/activities", probeCampaign, p.org())),
                route("POST", "/api/campaigns/{campaignId}/orgs/{orgId}/activities", needs(SURVEY_WRITE),
                        p -> jsonBody(post("/api/campaigns/{campaignId}/orgs/{orgId}/activities", probeCampaign, p.org()),
                                activityJson(LocalDate.of(PROBE_YEAR + 1, 3, 15), "授权核查新记录"))),
                route("DELETE", "/api/activities/{id}", needs(SURVEY_WRITE), p -> delete("/api/activities/{id}", spareActivity(p.target()))),
                showing(org, "GET", "/api/campaigns/{campaignId}/orgs/{orgId}/survey-summary", needs(CAMPAIGN_READ),
                        p -> get("/api/campaigns/{campaignId}/orgs/{orgId}/survey-summary", probeCampaign, p.org())),
                route("GET", "/api/campaigns/{campaignId}/orgs/{orgId}/survey-summary.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/campaigns/{campaignId}/orgs/{orgId}/survey-summary.xlsx", probeCampaign, p.org())),
                showing(org, "GET", "/api/campaigns/{campaignId}/orgs/{orgId}/station-survey-summary", needs(CAMPAIGN_READ),
                        p -> get("/api/campaigns/{campaignId}/orgs/{orgId}/station-survey-summary", probeCampaign, p.org())),
                // questionnaires: each target launched an open one in the campaign rooted at it. A launch whose window closes
                // before it opens stops at that rule, and codes for an open questionnaire at "only coded ones need codes"
                // templates: the shipped ones are for every role that reads campaigns; a copy for those over its owner, and
                // only a manager changes it (every probe copy has moved past version STALE, so an allowed change stops there).
                // No template has the id STALE: an allowed copy passes the guard and stops at 404, copying nothing
                showing(template, "GET", "/api/questionnaire-templates", new ScopedList(CAMPAIGN_READ),
                        p -> get("/api/questionnaire-templates")),
                route("GET", "/api/questionnaire-templates/{id}", new Unbound(CAMPAIGN_READ),
                        p -> get("/api/questionnaire-templates/{id}", villageTemplate)),
                route("PUT", "/api/questionnaire-templates/{id}", needs(CAMPAIGN_MANAGE),
                        p -> jsonBody(put("/api/questionnaire-templates/{id}", p.survey().template()),
                                "{\"title\": \"授权核查修改\", \"questions\": \"%s\", \"version\": %d}"
                                        .formatted(questionsText.replace("\n", "\\n"), STALE))),
                route("POST", "/api/questionnaire-templates/{id}/copy", new Unbound(CAMPAIGN_MANAGE),
                        p -> post("/api/questionnaire-templates/{id}/copy", STALE)),
                showing(slug, "GET", questionnairesUrl, needs(CAMPAIGN_READ),
                        p -> get(questionnairesUrl, p.survey().rootedCampaign(), p.org())),
                route("POST", questionnairesUrl, needs(SURVEY_WRITE), p -> jsonBody(post(questionnairesUrl, p.survey().rootedCampaign(),
                        p.org()), launchJson(villageTemplate, WINDOW_OPENS, WINDOW_CLOSES))),
                // the sum over a subtree of the questionnaires launched from one template (the target launched one)
                showing(slug, "GET", "/api/campaigns/{campaignId}/orgs/{orgId}/questionnaire-rollup", needs(CAMPAIGN_READ),
                        p -> get("/api/campaigns/{campaignId}/orgs/{orgId}/questionnaire-rollup", p.survey().rootedCampaign(), p.org())
                                .param("template", "" + villageTemplate)),
                route("GET", "/api/campaigns/{campaignId}/orgs/{orgId}/questionnaire-rollup.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/campaigns/{campaignId}/orgs/{orgId}/questionnaire-rollup.xlsx", p.survey().rootedCampaign(), p.org())
                                .param("template", "" + villageTemplate)),
                showing(slug, "GET", "/api/questionnaires/{id}", needs(CAMPAIGN_READ),
                        p -> get("/api/questionnaires/{id}", p.survey().questionnaire())),
                route("GET", "/api/questionnaires/{id}/statistics", needs(CAMPAIGN_READ),
                        p -> get("/api/questionnaires/{id}/statistics", p.survey().questionnaire())),
                route("GET", "/api/questionnaires/{id}/statistics.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/questionnaires/{id}/statistics.xlsx", p.survey().questionnaire())),
                route("POST", "/api/questionnaires/{id}/codes", needs(SURVEY_WRITE),
                        p -> jsonBody(post("/api/questionnaires/{id}/codes", p.survey().questionnaire()), "{\"count\": 1}")),
                // a wrong key: past the guard, the count opens nothing
                route("POST", "/api/questionnaires/{id}/count", needs(SURVEY_WRITE),
                        p -> jsonBody(post("/api/questionnaires/{id}/count", p.survey().questionnaire()),
                                "{\"closingKey\": \"0000-0000-0000-0000-0000-0000\"}")),
                // grading standards (附件1): shipped ones for every role that reads campaigns; only a manager copies or
                // changes (a shipped one cannot be changed: an allowed change stops at that rule; no scheme has id STALE)
                route("GET", "/api/grading-schemes", new Unbound(CAMPAIGN_READ), p -> get("/api/grading-schemes")),
                route("GET", "/api/grading-schemes/{id}", new Unbound(CAMPAIGN_READ), p -> get("/api/grading-schemes/{id}", villageScheme)),
                route("POST", "/api/grading-schemes/{id}/copy", new Unbound(CAMPAIGN_MANAGE),
                        p -> post("/api/grading-schemes/{id}/copy", STALE)),
                route("PUT", "/api/grading-schemes/{id}", new Unbound(CAMPAIGN_MANAGE),
                        p -> jsonBody(put("/api/grading-schemes/{id}", villageScheme),
                                "{\"name\": \"授权核查标准\", \"standard\": \"\", \"version\": " + STALE + "}")),
                route("POST", "/api/grading-schemes/{id}/evaluate", new Unbound(CAMPAIGN_READ),
                        p -> jsonBody(post("/api/grading-schemes/{id}/evaluate", villageScheme), "{\"scores\": {\"1.1\": 3}}")),
                // 对标定级: a case is read with the campaign (or by its grading authority), steps 1-4 are written by the
                // organisation or a superior over it, and step 5 and reopening belong to its grading authority - every
                // target is graded by its parent, so that is whoever covers the target short of the target itself.
                // Steps are probed in the city's campaign of PROBE_YEAR, where no target has a case yet: an allowed
                // step other than the first stops at "steps in order", the first at its missing meeting date, closing
                // at "no ballot open". Step 5 and reopening are probed on the decided case of the year before: a
                // decision with a stale version and a reopening without a reason both stop there
                showing(org, "GET", caseUrl, needs(CAMPAIGN_READ), p -> get(caseUrl, handedInCampaign, p.org())),
                route("POST", caseUrl + "/public-review", needs(GRADING_WRITE),
                        p -> jsonBody(post(caseUrl + "/public-review", probeCampaign, p.org()), "{\"place\": \"授权核查\"}")),
                route("POST", caseUrl + "/member-review", needs(GRADING_WRITE),
                        p -> jsonBody(post(caseUrl + "/member-review", probeCampaign, p.org()), "{}")),
                route("PUT", caseUrl + "/score-sheet", needs(GRADING_WRITE), p -> jsonBody(put(caseUrl + "/score-sheet",
                        probeCampaign, p.org()), "{\"scores\": {\"1.1\": 3}, \"vetoes\": [], \"version\": 0}")),
                route("POST", caseUrl + "/self-grade", needs(GRADING_WRITE), p -> jsonBody(post(caseUrl + "/self-grade",
                        probeCampaign, p.org()), "{\"grade\": \"授权核查\", \"statement\": \"授权核查\", \"version\": 0}")),
                route("POST", caseUrl + "/ballot/paper", needs(GRADING_WRITE),
                        p -> jsonBody(post(caseUrl + "/ballot/paper", probeCampaign, p.org()), "{}")),
                route("POST", caseUrl + "/ballot/phone", needs(GRADING_WRITE),
                        p -> jsonBody(post(caseUrl + "/ballot/phone", probeCampaign, p.org()), "{\"expected\": 1}")),
                route("POST", caseUrl + "/ballot/phone/abandon", needs(GRADING_WRITE),
                        p -> jsonBody(post(caseUrl + "/ballot/phone/abandon", probeCampaign, p.org()), "{\"reason\": \"授权核查\"}")),
                route("POST", caseUrl + "/ballot/phone/close", needs(GRADING_WRITE),
                        p -> jsonBody(post(caseUrl + "/ballot/phone/close", probeCampaign, p.org()), "{\"attendance\": 1}")),
                route("POST", caseUrl + "/decision", needsBelow(GRADING_DECIDE), p -> jsonBody(post(caseUrl + "/decision",
                        handedInCampaign, p.org()), "{\"grade\": \"授权核查\", \"version\": " + STALE + "}")),
                route("POST", caseUrl + "/reopen", needsBelow(GRADING_DECIDE), p -> jsonBody(post(caseUrl + "/reopen",
                        handedInCampaign, p.org()), "{\"step\": \"PUBLIC_REVIEW\", \"reason\": \"\"}")),
                // many decided at one meeting of the authority (the target as the authority)
                showing(org, "GET", "/api/grading/decisions/{campaign}", needs(GRADING_DECIDE),
                        p -> get("/api/grading/decisions/{campaign}", handedInCampaign).param("authority", "" + p.org())),
                route("POST", "/api/grading/decisions/{campaign}", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/grading/decisions/{campaign}", probeCampaign),
                                "{\"authority\": " + p.org() + ", \"lines\": []}")),
                // the figures under an organisation asked for; the register of decided grades is a scoped list
                showing(org, "GET", "/api/grading/overview", needs(CAMPAIGN_READ), p -> get("/api/grading/overview")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("GET", "/api/grading/list", needs(CAMPAIGN_READ), p -> get("/api/grading/list")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                // (the register of that year holds the targets' grades only: the whole of it is walked, not a search
                // for the target, whose name a page would echo in its search box)
                showing(org, "GET", "/api/grading/register", new ScopedList(CAMPAIGN_READ), p -> get("/api/grading/register")
                        .param("year", "" + (PROBE_YEAR - 1))),
                route("GET", "/api/grading/tables/summary", needs(CAMPAIGN_READ), p -> get("/api/grading/tables/summary")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("GET", "/api/grading/tables/names", needs(CAMPAIGN_READ), p -> get("/api/grading/tables/names")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                // a campaign's grading settings: read along its line, changed by its manager. A blank field and a share
                // of 0% stop at their rules
                showing(rooted, "GET", "/api/grading/setup/{campaign}", new CampaignLine(CAMPAIGN_READ, false),
                        p -> get("/api/grading/setup/{campaign}", p.survey().rootedCampaign())),
                route("PUT", "/api/grading/setup/{campaign}/schemes/{field}", needs(CAMPAIGN_MANAGE),
                        p -> jsonBody(put("/api/grading/setup/{campaign}/schemes/{field}", p.survey().rootedCampaign(), " "),
                                "{\"schemeId\": null}")),
                route("PUT", "/api/grading/setup/{campaign}/pass-percent", needs(CAMPAIGN_MANAGE),
                        p -> jsonBody(put("/api/grading/setup/{campaign}/pass-percent", p.survey().rootedCampaign()),
                                "{\"percent\": 0}")),
                // 晋位升级: a target's goal, ledger and 帮扶 are read with the campaign (or by its grading authority) and
                // written with UPGRADE_WRITE over it; approving or returning the goal, confirming conversion and 销号 (or not)
                // belong to its grading authority. The goal is read in the year before PROBE_YEAR, where its grade is
                // decided, and written in PROBE_YEAR, where no target is graded: an allowed save or hand-in stops at "not
                // graded yet", an allowed approval, return or conversion at "no goal handed in". A ledger line due outside
                // the campaign's years, a note without text, a 帮扶 without its helper and a visit tomorrow stop at their
                // rules; changing a line, 销号 and sending it back at the stale version
                showing(org, "GET", goalUrl, needs(CAMPAIGN_READ), p -> get(goalUrl, handedInCampaign, p.org())),
                route("PUT", goalUrl, needs(UPGRADE_WRITE), p -> jsonBody(put(goalUrl, probeCampaign, p.org()), goalJson)),
                route("POST", goalUrl + "/submit", needs(UPGRADE_WRITE),
                        p -> jsonBody(post(goalUrl + "/submit", probeCampaign, p.org()), goalJson)),
                route("POST", goalUrl + "/approve", authority,
                        p -> jsonBody(post(goalUrl + "/approve", probeCampaign, p.org()), stale)),
                route("POST", goalUrl + "/return", authority,
                        p -> jsonBody(post(goalUrl + "/return", probeCampaign, p.org()), staleReturn)),
                route("POST", goalUrl + "/convert", authority, p -> post(goalUrl + "/convert", probeCampaign, p.org())),
                showing(problem, "GET", ledgerUrl, needs(CAMPAIGN_READ), p -> get(ledgerUrl, probeCampaign, p.org())),
                route("POST", ledgerUrl, needs(UPGRADE_WRITE), p -> jsonBody(post(ledgerUrl, probeCampaign, p.org()),
                        itemJson("授权核查新问题", lateDeadline, null))),
                route("PUT", itemUrl, needs(UPGRADE_WRITE), p -> jsonBody(put(itemUrl, p.work().item()),
                        itemJson(p.work().problem(), LocalDate.of(PROBE_YEAR, 12, 31), STALE))),
                route("POST", itemUrl + "/notes", needs(UPGRADE_WRITE),
                        p -> multipart(itemUrl + "/notes", p.work().item()).param("note", " ")),
                showing(evidence, "GET", itemUrl + "/notes/{note}", needs(CAMPAIGN_READ),
                        p -> get(itemUrl + "/notes/{note}", p.work().item(), p.work().note())),
                route("POST", itemUrl + "/close", authority, p -> jsonBody(post(itemUrl + "/close", p.work().item()),
                        "{\"remark\": \"授权核查销号\", \"version\": " + STALE + "}")),
                route("POST", itemUrl + "/return", authority,
                        p -> jsonBody(post(itemUrl + "/return", p.work().item()), staleReturn)),
                // a station's goal and ledger are its host's, by the organisation's rules: the target's probe station is
                // not graded in the probe campaign, so an allowed write stops at "not graded" (or "not handed in") and
                // stores nothing
                showing(org, "GET", stationGoalUrl, needs(CAMPAIGN_READ), p -> get(stationGoalUrl, probeCampaign, stationOf(p.org()))),
                route("PUT", stationGoalUrl, needs(UPGRADE_WRITE),
                        p -> jsonBody(put(stationGoalUrl, probeCampaign, stationOf(p.org())), goalJson)),
                route("POST", stationGoalUrl + "/submit", needs(UPGRADE_WRITE),
                        p -> jsonBody(post(stationGoalUrl + "/submit", probeCampaign, stationOf(p.org())), goalJson)),
                route("POST", stationGoalUrl + "/approve", authority,
                        p -> jsonBody(post(stationGoalUrl + "/approve", probeCampaign, stationOf(p.org())), stale)),
                route("POST", stationGoalUrl + "/return", authority,
                        p -> jsonBody(post(stationGoalUrl + "/return", probeCampaign, stationOf(p.org())), staleReturn)),
                route("POST", stationGoalUrl + "/convert", authority,
                        p -> post(stationGoalUrl + "/convert", probeCampaign, stationOf(p.org()))),
                showing(org, "GET", stationLedgerUrl, needs(CAMPAIGN_READ),
                        p -> get(stationLedgerUrl, probeCampaign, stationOf(p.org()))),
                route("POST", stationLedgerUrl, needs(UPGRADE_WRITE), p -> jsonBody(post(stationLedgerUrl, probeCampaign,
                        stationOf(p.org())), itemJson("授权核查站点问题", LocalDate.of(PROBE_YEAR, 12, 31), null))),
                showing(helper, "GET", "/api/upgrade/assistance/{campaign}/{org}", needs(CAMPAIGN_READ),
                        p -> get("/api/upgrade/assistance/{campaign}/{org}", probeCampaign, p.org())),
                route("POST", "/api/upgrade/assistance/{campaign}/{org}", needs(UPGRADE_WRITE),
                        p -> jsonBody(post("/api/upgrade/assistance/{campaign}/{org}", probeCampaign, p.org()),
                                "{\"kind\": \"LEADER_CONTACT\", \"helperName\": \" \", \"startedOn\": \"%s\"}"
                                        .formatted(LocalDate.of(PROBE_YEAR, 3, 1)))),
                route("POST", "/api/upgrade/assistance/{id}/visits", needs(UPGRADE_WRITE),
                        p -> jsonBody(post("/api/upgrade/assistance/{id}/visits", p.work().assistance()),
                                "{\"visitedOn\": \"%s\", \"visitor\": \"授权核查\", \"what\": \"授权核查走访\"}".formatted(tomorrow))),
                // the figures over the organisations under the one asked for (a target has none under it)
                route("GET", "/api/upgrade/overview", needs(CAMPAIGN_READ), p -> get("/api/upgrade/overview")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/api/upgrade/list", needs(CAMPAIGN_READ), p -> get("/api/upgrade/list")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                // 公开承诺: a target's pledges are read with the campaign (or by its grading authority) and written with
                // PLEDGE_WRITE over it - its 承诺书, its members' pledges (signing them too), the suggestion queue, publishing
                // and 践诺; signing or returning the organisation's 承诺书 and 领导点评 belong to its grading authority.
                // Probed on the target's page of PROBE_YEAR: saves, signatures and returns stop at the stale version, a
                // pledge for someone who is no full or probationary member at that rule, publishing and 践诺 at "not
                // signed" (the 承诺书 is handed in), taking up or setting aside the suggestion at "no longer a draft" and
                // "already set aside", a comment without text at that rule; closing suggestions that are closed changes
                // nothing
                showing(pledgeGoal, "GET", pledgesUrl, needs(CAMPAIGN_READ), p -> get(pledgesUrl, probeCampaign, p.org())),
                route("PUT", pledgesUrl + "/organisation", needs(PLEDGE_WRITE),
                        p -> jsonBody(put(pledgesUrl + "/organisation", probeCampaign, p.org()),
                                "{\"goal\": \"授权核查修改\", \"items\": [\"授权核查\"], \"version\": " + STALE + "}")),
                route("PUT", pledgesUrl + "/members/{member}", needs(PLEDGE_WRITE),
                        p -> jsonBody(put(pledgesUrl + "/members/{member}", probeCampaign, p.org(), p.member()),
                                "{\"items\": [\"授权核查\"], \"showName\": false}")),
                route("POST", "/api/pledges/{id}/sign", authority,
                        p -> jsonBody(post("/api/pledges/{id}/sign", p.work().pledge()), stale)).variant(organisations),
                route("POST", "/api/pledges/{id}/sign", needs(PLEDGE_WRITE),
                        p -> jsonBody(post("/api/pledges/{id}/sign", p.work().memberPledge()), stale)).variant(members),
                route("POST", "/api/pledges/{id}/return", authority,
                        p -> jsonBody(post("/api/pledges/{id}/return", p.work().pledge()), staleReturn)).variant(organisations),
                route("POST", "/api/pledges/{id}/return", needs(PLEDGE_WRITE),
                        p -> jsonBody(post("/api/pledges/{id}/return", p.work().memberPledge()), staleReturn)).variant(members),
                route("POST", pledgesUrl + "/publish", needs(PLEDGE_WRITE), p -> post(pledgesUrl + "/publish", probeCampaign, p.org())),
                route("POST", pledgesUrl + "/ratings/open", needs(PLEDGE_WRITE),
                        p -> post(pledgesUrl + "/ratings/open", probeCampaign, p.org())),
                route("POST", pledgesUrl + "/ratings/count", needs(PLEDGE_WRITE),
                        p -> jsonBody(post(pledgesUrl + "/ratings/count", probeCampaign, p.org()), "{\"closingKey\": \"x\"}")),
                route("POST", pledgesUrl + "/ratings/abandon", needs(PLEDGE_WRITE),
                        p -> jsonBody(post(pledgesUrl + "/ratings/abandon", probeCampaign, p.org()), "{\"reason\": \"授权核查\"}")),
                route("POST", pledgesUrl + "/suggestions", needs(PLEDGE_WRITE),
                        p -> jsonBody(post(pledgesUrl + "/suggestions", probeCampaign, p.org()), "{\"open\": false}")),
                route("POST", "/api/pledges/suggestions/{id}/take", needs(PLEDGE_WRITE),
                        p -> post("/api/pledges/suggestions/{id}/take", p.work().suggestion())),
                route("POST", "/api/pledges/suggestions/{id}/reject", needs(PLEDGE_WRITE),
                        p -> post("/api/pledges/suggestions/{id}/reject", p.work().suggestion())),
                route("POST", "/api/pledges/{id}/items/{number}", needs(PLEDGE_WRITE),
                        p -> jsonBody(post("/api/pledges/{id}/items/{number}", p.work().pledge(), 1), "{\"status\": \"IN_PROGRESS\"}")),
                route("POST", "/api/pledges/{campaign}/comments", authority, p -> jsonBody(post("/api/pledges/{campaign}/comments",
                        probeCampaign), "{\"organizationIds\": [%d], \"text\": \" \"}".formatted(p.org()))),
                showing(org, "GET", "/api/pledges/summary", needs(CAMPAIGN_READ), p -> get("/api/pledges/summary")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                // the leadership (班子): read with the organisation, changed by those who keep it. An appointment without a
                // name stops at that rule; ending a term that does not exist (STALE) passes the guard and stops at 404
                route("GET", "/api/orgs/{id}/leadership", needs(ORG_READ), p -> get("/api/orgs/{id}/leadership", p.org())),
                route("POST", "/api/orgs/{id}/leadership", needs(ORG_WRITE), p -> jsonBody(post("/api/orgs/{id}/leadership", p.org()),
                        "{\"personName\": \"\", \"post\": \"SECRETARY\", \"startedOn\": \"2020-01-01\"}")),
                route("POST", "/api/leadership/{postId}/end", new Unbound(ORG_WRITE),
                        p -> jsonBody(post("/api/leadership/{postId}/end", STALE), "{\"on\": \"2020-01-01\", \"reason\": \"换届\"}")),
                // 总结验收 自查初评 and 上级审评: a target's review is read with the campaign (or by its authority) in the year
                // before PROBE_YEAR, where its grade is decided, and written with GRADING_WRITE in PROBE_YEAR, where no target
                // is graded: an allowed save or hand-in stops at "not graded this year". Returning, deciding and reopening
                // belong to its authority and are probed where it is graded: an allowed one stops at "not handed in" (the
                // authority itself) or at "only the authority's accounts" (those above it)
                showing(org, "GET", "/api/acceptance/reviews/{campaignId}/{orgId}", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/reviews/{campaignId}/{orgId}", handedInCampaign, p.org())),
                route("GET", "/api/acceptance/reviews/{campaignId}", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/reviews/{campaignId}", handedInCampaign).param("authority", "" + p.org())),
                route("PUT", "/api/acceptance/reviews/{campaignId}/{orgId}", needs(GRADING_WRITE),
                        p -> jsonBody(put("/api/acceptance/reviews/{campaignId}/{orgId}", probeCampaign, p.org()), "{\"report\": \"授权核查\"}")),
                route("POST", "/api/acceptance/reviews/{campaignId}/{orgId}/submit", needs(GRADING_WRITE),
                        p -> jsonBody(post("/api/acceptance/reviews/{campaignId}/{orgId}/submit", probeCampaign, p.org()), "{}")),
                route("POST", "/api/acceptance/reviews/{campaignId}/{orgId}/return", authority,
                        p -> jsonBody(post("/api/acceptance/reviews/{campaignId}/{orgId}/return", handedInCampaign, p.org()),
                                "{\"reason\": \"授权核查退回\"}")),
                route("POST", "/api/acceptance/reviews/{campaignId}/{orgId}/decision", authority,
                        p -> jsonBody(post("/api/acceptance/reviews/{campaignId}/{orgId}/decision", handedInCampaign, p.org()),
                                "{\"grade\": \"先进\", \"version\": " + STALE + "}")),
                route("POST", "/api/acceptance/reviews/{campaignId}/{orgId}/reopen", authority,
                        p -> jsonBody(post("/api/acceptance/reviews/{campaignId}/{orgId}/reopen", handedInCampaign, p.org()),
                                "{\"reason\": \"授权核查\"}")),
                // 总结验收 — 表彰 and 等次变化: a superior's commendations are read with the campaign at the superior and
                // recorded, corrected or withdrawn with GRADING_DECIDE there (each target, as the superior, commended a member
                // of its roll in the probe campaign). Recording the target itself stops at "only organisations under it", a
                // correction and a withdrawal at the stale version; the transitions under the target are read with the campaign
                showing(pledgeMemberName, "GET", "/api/acceptance/commendations", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/commendations").param("campaign", "" + probeCampaign)
                                .param("org", "" + commendedBy(p.target()))),
                route("GET", "/api/acceptance/commendations/export.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/commendations/export.xlsx").param("campaign", "" + probeCampaign)
                                .param("org", "" + commendedBy(p.target()))),
                showing(pledgeMemberName, "GET", "/api/acceptance/commendations/{id}", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/commendations/{id}", commendation(p.target()))),
                route("POST", "/api/acceptance/commendations/{campaign}/{org}", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/commendations/{campaign}/{org}", probeCampaign, p.org()),
                                commendationJson("ADVANCED_ORGANIZATION", p.org(), null, null))),
                route("PUT", "/api/acceptance/commendations/{id}", needs(GRADING_DECIDE),
                        p -> jsonBody(put("/api/acceptance/commendations/{id}", commendation(p.target())),
                                commendationJson("EXCELLENT_MEMBER", null, p.work().pledgeMember(), STALE))),
                route("POST", "/api/acceptance/commendations/{id}/withdraw", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/commendations/{id}/withdraw", commendation(p.target())),
                                staleReturn)),
                showing(org, "GET", "/api/acceptance/transitions", needs(CAMPAIGN_READ), p -> get("/api/acceptance/transitions")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/api/acceptance/transitions/export.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/transitions/export.xlsx").param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org())),
                // 远程教育站点: a station is read with ORG_READ on its host and kept with ORG_WRITE there (each target hosts a
                // probe station with one session). Writes stop at a rule (a day ahead of today, nobody counted) or the stale
                // version; the import is the importer's (its probe file lacks the station columns)
                showing(stationName, "GET", "/api/stations", needs(ORG_READ),
                        p -> get("/api/stations").param("org", "" + p.org() + stationMade(p.target()))),
                route("GET", "/api/stations/export.xlsx", needs(ORG_READ),
                        p -> get("/api/stations/export.xlsx").param("org", "" + p.org())),
                showing(stationName, "GET", "/api/stations/{id}", needs(ORG_READ),
                        p -> get("/api/stations/{id}", station(p.target()))),
                route("POST", "/api/stations", needs(ORG_WRITE), p -> jsonBody(post("/api/stations"),
                        stationJson(p.org(), LocalDate.now().plusDays(3), null))),
                route("PUT", "/api/stations/{id}", needs(ORG_WRITE), p -> jsonBody(put("/api/stations/{id}", station(p.target())),
                        stationJson(p.org(), LocalDate.of(2012, 5, 1), STALE))),
                route("POST", "/api/stations/{id}/retire", needs(ORG_WRITE),
                        p -> jsonBody(post("/api/stations/{id}/retire", station(p.target())),
                                "{\"retiredOn\": \"" + LocalDate.now() + "\", \"version\": " + STALE + "}")),
                showing(stationTopic, "GET", "/api/stations/{id}/sessions", needs(ORG_READ),
                        p -> get("/api/stations/{id}/sessions", station(p.target()))),
                route("GET", "/api/stations/{id}/sessions/export.xlsx", needs(ORG_READ),
                        p -> get("/api/stations/{id}/sessions/export.xlsx", station(p.target()))),
                route("POST", "/api/stations/{id}/sessions", needs(ORG_WRITE),
                        p -> jsonBody(post("/api/stations/{id}/sessions", station(p.target())), sessionJson(0, null))),
                route("PUT", "/api/stations/{id}/sessions/{sessionId}", needs(ORG_WRITE),
                        p -> jsonBody(put("/api/stations/{id}/sessions/{sessionId}", station(p.target()), stationSession(p.target())),
                                sessionJson(3, STALE))),
                route("DELETE", "/api/stations/{id}/sessions/{sessionId}", needs(ORG_WRITE),
                        p -> delete("/api/stations/{id}/sessions/{sessionId}", station(p.target()), stationSession(p.target()))
                                .param("version", "" + STALE)),
                showing(org, "GET", "/api/stations/usage", needs(ORG_READ),
                        p -> get("/api/stations/usage").param("org", "" + p.org())),
                route("GET", "/api/stations/usage/export.xlsx", needs(ORG_READ),
                        p -> get("/api/stations/usage/export.xlsx").param("org", "" + p.org())),
                route("GET", "/api/stations/import/template.xlsx", loggedIn, p -> get("/api/stations/import/template.xlsx")),
                route("POST", "/api/stations/import", new Unbound(IMPORT), p -> multipart("/api/stations/import")
                        .file(new MockMultipartFile("file", "stations.xlsx", XLSX.toString(), orgTemplate))),
                showing(pledgeMemberName, "GET", "/acceptance/commendations", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/commendations").param("campaign", "" + probeCampaign)
                                .param("org", "" + commendedBy(p.target()))),
                route("POST", "/acceptance/commendations", needs(GRADING_DECIDE), p -> post("/acceptance/commendations")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("kind", "ADVANCED_ORGANIZATION")
                        .param("organizationId", "" + p.org()).param("level", "TOWNSHIP")
                        .param("awardedOn", LocalDate.of(PROBE_YEAR, 7, 1).toString()).param("documentNumber", "授权核查文号")
                        .param("citation", "授权核查事迹")),
                route("GET", "/acceptance/commendations/export.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/commendations/export.xlsx").param("campaign", "" + probeCampaign)
                                .param("org", "" + commendedBy(p.target()))),
                showing(pledgeMemberName, "GET", "/acceptance/commendations/{id}", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/commendations/{id}", commendation(p.target()))),
                route("POST", "/acceptance/commendations/{id}", needs(GRADING_DECIDE),
                        p -> post("/acceptance/commendations/{id}", commendation(p.target())).param("kind", "EXCELLENT_MEMBER")
                                .param("organizationId", "" + p.org()).param("memberName", p.target().work().pledgeMemberName())
                                .param("level", "TOWNSHIP").param("awardedOn", LocalDate.of(PROBE_YEAR, 7, 1).toString())
                                .param("documentNumber", "授权核查文号").param("citation", "授权核查事迹")
                                .param("version", "" + STALE)),
                route("POST", "/acceptance/commendations/{id}/withdraw", needs(GRADING_DECIDE),
                        p -> post("/acceptance/commendations/{id}/withdraw", commendation(p.target()))
                                .param("reason", "授权核查撤销").param("version", "" + STALE)),
                showing(org, "GET", "/acceptance/transitions", needs(CAMPAIGN_READ), p -> get("/acceptance/transitions")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/acceptance/transitions/export.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/transitions/export.xlsx").param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org())),
                // 工作看板: the page, the wall screen, each block's data and its .xlsx, all over the target's subtree
                showing(org, "GET", "/dashboard", needs(CAMPAIGN_READ), p -> get("/dashboard")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/dashboard/screen", needs(CAMPAIGN_READ), p -> get("/dashboard/screen")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/api/dashboard/{block}", needs(CAMPAIGN_READ), p -> get("/api/dashboard/{block}", "grading")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/api/dashboard/{block}/export.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/dashboard/{block}/export.xlsx", "upgrade").param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org())),
                // 情况通报: the list and page of the target's bulletins (it and its superiors read them), an issued one's
                // .docx; issuing is for the user's own organisation, so the probe confirms a 第N期 that is not next
                // and stops there (a village stops earlier: it has no units to report on)
                showing(org, "GET", "/dashboard/bulletins", needs(CAMPAIGN_READ), p -> get("/dashboard/bulletins")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/api/dashboard/bulletins", needs(CAMPAIGN_READ), p -> get("/api/dashboard/bulletins")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/api/dashboard/bulletins", new Unbound(CAMPAIGN_READ), p -> jsonBody(post("/api/dashboard/bulletins"),
                        "{\"campaign\": " + probeCampaign + ", \"number\": " + STALE + "}")),
                route("POST", "/dashboard/bulletins", new Unbound(CAMPAIGN_READ), p -> post("/dashboard/bulletins")
                        .param("campaign", "" + probeCampaign).param("number", "" + STALE)),
                route("GET", "/api/dashboard/bulletins/{id}.docx", needs(CAMPAIGN_READ),
                        p -> get("/api/dashboard/bulletins/{id}.docx", bulletin(p.target()))),
                // 历年对比 over the target's subtree, and its .xlsx
                showing(org, "GET", "/dashboard/trends", needs(CAMPAIGN_READ), p -> get("/dashboard/trends")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/api/dashboard/trends", needs(CAMPAIGN_READ), p -> get("/api/dashboard/trends")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/api/dashboard/trends/export.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/dashboard/trends/export.xlsx").param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org())),
                // its early warnings: the block, its .xlsx, and 一键提醒 to the organisations a rule names under the target
                showing(org, "GET", "/api/dashboard/warnings", needs(CAMPAIGN_READ), p -> get("/api/dashboard/warnings")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/api/dashboard/warnings/export.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/api/dashboard/warnings/export.xlsx").param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org())),
                route("POST", "/api/dashboard/warnings/{rule}/remind", needs(CAMPAIGN_READ),
                        p -> post("/api/dashboard/warnings/{rule}/remind", "no-secretary").param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org())),
                showing(stationName, "GET", "/stations", needs(ORG_READ),
                        p -> get("/stations").param("org", "" + p.org() + stationMade(p.target()))),
                route("GET", "/stations/export.xlsx", needs(ORG_READ), p -> get("/stations/export.xlsx").param("org", "" + p.org())),
                showing(org, "GET", "/stations/new", needs(ORG_WRITE), p -> get("/stations/new").param("org", "" + p.org())),
                route("POST", "/stations/new", needs(ORG_WRITE), p -> post("/stations/new").param("org", "" + p.org())
                        .param("hostOrganizationId", "" + p.org()).param("name", "授权核查未来站点").param("address", "授权核查地址")
                        .param("terminalKind", "SATELLITE").param("equipmentCondition", "GOOD").param("managerName", "授权核查")
                        .param("openedOn", LocalDate.now().plusDays(3).toString()).param("status", "IN_USE")),
                showing(stationName, "GET", "/stations/{id}", needs(ORG_READ), p -> get("/stations/{id}", station(p.target()))),
                route("POST", "/stations/{id}", needs(ORG_WRITE), p -> post("/stations/{id}", station(p.target()))
                        .param("name", "授权核查更正站点").param("address", "授权核查地址").param("terminalKind", "SATELLITE")
                        .param("equipmentCondition", "GOOD").param("managerName", "授权核查").param("openedOn", "2012-05-01")
                        .param("status", "IN_USE").param("version", "" + STALE)),
                route("POST", "/stations/{id}/retire", needs(ORG_WRITE), p -> post("/stations/{id}/retire", station(p.target()))
                        .param("retiredOn", LocalDate.now().toString()).param("version", "" + STALE)),
                route("POST", "/stations/{id}/sessions", needs(ORG_WRITE), p -> post("/stations/{id}/sessions", station(p.target()))
                        .param("heldOn", LocalDate.now().toString()).param("topic", "授权核查学习").param("kind", "OTHER")
                        .param("partyMembers", "0").param("publicAttendees", "0")),
                route("GET", "/stations/{id}/sessions/export.xlsx", needs(ORG_READ),
                        p -> get("/stations/{id}/sessions/export.xlsx", station(p.target()))),
                showing(stationTopic, "GET", "/stations/{id}/sessions/{sessionId}", needs(ORG_READ),
                        p -> get("/stations/{id}/sessions/{sessionId}", station(p.target()), stationSession(p.target()))),
                route("POST", "/stations/{id}/sessions/{sessionId}", needs(ORG_WRITE),
                        p -> post("/stations/{id}/sessions/{sessionId}", station(p.target()), stationSession(p.target()))
                                .param("heldOn", "2013-05-01").param("topic", "授权核查学习").param("kind", "OTHER")
                                .param("partyMembers", "1").param("publicAttendees", "1").param("version", "" + STALE)),
                route("POST", "/stations/{id}/sessions/{sessionId}/delete", needs(ORG_WRITE),
                        p -> post("/stations/{id}/sessions/{sessionId}/delete", station(p.target()), stationSession(p.target()))
                                .param("version", "" + STALE)),
                showing(org, "GET", "/stations/usage", needs(ORG_READ), p -> get("/stations/usage").param("org", "" + p.org())),
                route("GET", "/stations/usage/export.xlsx", needs(ORG_READ),
                        p -> get("/stations/usage/export.xlsx").param("org", "" + p.org())),
                route("GET", "/stations/import", new Unbound(IMPORT), p -> get("/stations/import")),
                route("GET", "/stations/import/template.xlsx", loggedIn, p -> get("/stations/import/template.xlsx")),
                route("POST", "/stations/import/preview", new Unbound(IMPORT), p -> multipart("/stations/import/preview")
                        .file(new MockMultipartFile("file", "stations.xlsx", XLSX.toString(), orgTemplate))),
                route("POST", "/stations/import/confirm", new Unbound(IMPORT),
                        p -> post("/stations/import/confirm").param("token", "no-such-upload")),
                route("GET", "/v3/api-docs", loggedIn, p -> get("/v3/api-docs")),
                route("GET", "/v3/api-docs.yaml", loggedIn, p -> get("/v3/api-docs.yaml")),

                // --- pages ---
                route("GET", "/", loggedIn, p -> get("/")),
                route("GET", "/login", new Anyone(), p -> get("/login")),
                route(ANY_METHOD, "/error", new Anyone(),
                        p -> get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)),
                route("GET", "/account/password", loggedIn, p -> get("/account/password")),
                route("POST", "/account/password", loggedIn, p -> post("/account/password")
                        .param("current", "not-my-password-1").param("password", "Changed2026x").param("confirm", "Changed2026x")),
                showing(account, "GET", "/accounts", new ScopedList(ACCOUNT_MANAGE),
                        p -> get("/accounts").param("q", p.target().accountUsername())),
                route("GET", "/accounts/new", needs(ACCOUNT_MANAGE), p -> get("/accounts/new").param("org", "" + p.org())),
                route("POST", "/accounts", needs(ACCOUNT_MANAGE), p -> post("/accounts").param("username", "admin")
                        .param("displayName", "授权核查").param("organizationId", "" + p.org()).param("role", "MEMBER")
                        .param("password", "Check2026pass")),
                showing(account, "GET", "/accounts/{id}/edit", needs(ACCOUNT_MANAGE), p -> get("/accounts/{id}/edit", p.account())),
                route("POST", "/accounts/{id}", needs(ACCOUNT_MANAGE), p -> post("/accounts/{id}", p.account())
                        .param("username", p.target().accountUsername()).param("displayName", p.target().accountName())
                        .param("organizationId", "" + p.org()).param("role", "MEMBER").param("version", "" + STALE)),
                route("POST", "/accounts/{id}/unlock", needs(ACCOUNT_MANAGE), p -> post("/accounts/{id}/unlock", p.account())),
                route("POST", "/accounts/{id}/password", needs(ACCOUNT_MANAGE),
                        p -> post("/accounts/{id}/password", p.account()).param("password", "weak")),
                route("GET", "/audit", needs(AUDIT_READ), p -> get("/audit").param("org", "" + p.org())),
                showing(org, "GET", "/orgs", needs(ORG_READ), p -> get("/orgs").param("under", "" + p.org())),
                route("GET", "/orgs/{id}/children", needs(ORG_READ), p -> get("/orgs/{id}/children", p.org())),
                showing(org, "GET", "/orgs/picker", new ScopedList(ORG_READ), p -> get("/orgs/picker").param("pickerQ", p.target().orgName())),
                showing(org, "GET", "/orgs/{id}", needs(ORG_READ), p -> get("/orgs/{id}", p.org())),
                route("GET", "/orgs/new", needs(ORG_WRITE), p -> get("/orgs/new").param("parent", "" + p.org())),
                route("POST", "/orgs", needs(ORG_WRITE), p -> post("/orgs").param("parent", "" + p.org())
                        .param("name", "授权核查新组织").param("kind", "BRANCH").param("field", "VILLAGE")),
                showing(org, "GET", "/orgs/{id}/edit", needs(ORG_WRITE), p -> get("/orgs/{id}/edit", p.org())),
                route("POST", "/orgs/{id}", needs(ORG_WRITE), p -> post("/orgs/{id}", p.org()).param("version", "" + STALE)
                        .param("name", p.target().orgName()).param("kind", "BRANCH").param("field", "VILLAGE")),
                route("GET", "/orgs/{id}/move", needsBelow(ORG_MOVE), p -> get("/orgs/{id}/move", p.org())),
                route("POST", "/orgs/{id}/move", needsBelow(ORG_MOVE), p -> post("/orgs/{id}/move", p.org())
                        .param("parentId", "" + p.home()).param("version", "" + STALE)),
                route("GET", "/orgs/{id}/retire", needsBelow(ORG_WRITE), p -> get("/orgs/{id}/retire", p.org())),
                route("POST", "/orgs/{id}/retire", needsBelow(ORG_WRITE), p -> post("/orgs/{id}/retire", p.org())
                        .param("version", "" + STALE)),
                route("GET", "/orgs/{id}/authority", needs(ORG_AUTHORITY), p -> get("/orgs/{id}/authority", p.org())),
                route("POST", "/orgs/{id}/authority", needs(ORG_AUTHORITY), p -> post("/orgs/{id}/authority", p.org())
                        .param("version", "" + STALE).param("useParent", "true")),
                showing(member, "GET", "/members", needs(MEMBER_READ), p -> get("/members").param("org", "" + p.org())
                        .param("q", p.target().memberName())),
                showing(member, "GET", "/members/{id}", needs(MEMBER_READ), p -> get("/members/{id}", p.member())),
                route("GET", "/members/new", needs(MEMBER_WRITE), p -> get("/members/new").param("org", "" + p.org())),
                route("POST", "/members", needs(MEMBER_WRITE), p -> post("/members").param("org", "" + p.org())
                        .param("name", "授权核查新党员").param("sex", "MALE").param("category", "FULL").params(FORM_FLAGS)),
                showing(member, "GET", "/members/{id}/edit", needs(MEMBER_WRITE), p -> get("/members/{id}/edit", p.member())),
                route("POST", "/members/{id}", needs(MEMBER_WRITE), p -> post("/members/{id}", p.member()).param("version", "" + STALE)
                        .param("name", p.target().memberName()).param("sex", "MALE").param("category", "ACTIVIST")
                        .param("activistOn", "2024-05-01").params(FORM_FLAGS)),
                route("GET", "/members/{id}/transfer", needs(MEMBER_WRITE), p -> get("/members/{id}/transfer", p.member())),
                route("POST", "/members/{id}/transfer", needs(MEMBER_WRITE), p -> post("/members/{id}/transfer", p.member())
                        .param("version", "" + STALE).param("targetOrganizationId", "" + p.home())),
                route("GET", "/members/{id}/leave", needs(MEMBER_WRITE), p -> get("/members/{id}/leave", p.member())),
                route("GET", "/orgs/export.xlsx", needs(ORG_READ), p -> get("/orgs/export.xlsx").param("under", "" + p.org())),
                route("GET", "/members/export.xlsx", needs(MEMBER_READ), p -> get("/members/export.xlsx").param("org", "" + p.org())),
                route("GET", "/import", new Unbound(IMPORT), p -> get("/import")),
                route("GET", "/import/template/{name}.xlsx", loggedIn, p -> get("/import/template/{name}.xlsx", "orgs")),
                route("POST", "/import/preview", new Unbound(IMPORT), p -> multipart("/import/preview").param("kind", "ORGANIZATIONS")
                        .file(new MockMultipartFile("file", "orgs.xlsx", XLSX.toString(), orgTemplate))),
                // no such job: an allowed call is sent back to the upload page
                route("GET", "/import/jobs/{id}", new Unbound(IMPORT), p -> get("/import/jobs/{id}", "no-such-job")),
                // no upload waits under this token: an allowed call is sent back to the upload page
                route("POST", "/import/confirm", new Unbound(IMPORT), p -> post("/import/confirm").param("token", "no-such-upload")),
                route("POST", "/members/{id}/leave", needs(MEMBER_WRITE), p -> post("/members/{id}/leave", p.member())
                        .param("version", "" + STALE).param("on", "2025-01-02").param("reason", "DECEASED")),
                showing(rooted, "GET", "/campaigns", new CampaignLine(CAMPAIGN_READ, true), p -> get("/campaigns")),
                route("GET", "/campaigns/new", new Unbound(CAMPAIGN_MANAGE), p -> get("/campaigns/new")),
                route("POST", "/campaigns", needs(CAMPAIGN_MANAGE), p -> post("/campaigns")
                        .param("rootOrganizationId", "" + p.org()).param("year", "" + PROBE_YEAR).param("name", "授权核查新活动")),
                showing(rooted, "GET", "/campaigns/{id}", new CampaignLine(CAMPAIGN_READ, false),
                        p -> get("/campaigns/{id}", p.survey().rootedCampaign())),
                showing(rooted, "GET", "/campaigns/{id}/edit", needs(CAMPAIGN_MANAGE),
                        p -> get("/campaigns/{id}/edit", p.survey().rootedCampaign())),
                route("POST", "/campaigns/{id}", needs(CAMPAIGN_MANAGE), p -> post("/campaigns/{id}", p.survey().rootedCampaign())
                        .param("rootOrganizationId", "" + p.org()).param("year", "" + PROBE_YEAR).param("version", "" + STALE)),
                route("POST", "/campaigns/{id}/copy", needs(CAMPAIGN_MANAGE),
                        p -> post("/campaigns/{id}/copy", p.survey().rootedCampaign()).param("year", "" + PROBE_YEAR)),
                // a message over 300 characters: an allowed call stops at that rule
                route("POST", "/campaigns/{id}/reminders", needsBelow(CAMPAIGN_READ), p -> post("/campaigns/{id}/reminders", probeCampaign)
                        .param("to", "" + p.org()).param("message", tooLong)),
                route("POST", "/reminders/{id}/read", new Own(CAMPAIGN_READ), p -> post("/reminders/{id}/read", p.survey().reminder())),
                showing(rooted, "GET", "/survey", new CampaignLine(CAMPAIGN_READ, false),
                        p -> get("/survey").param("campaign", "" + p.survey().rootedCampaign())),
                showing(report, "GET", "/survey/report", needs(CAMPAIGN_READ),
                        p -> get("/survey/report").param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/survey/report", needs(SURVEY_WRITE), p -> post("/survey/report").param("campaign", "" + probeCampaign)
                        .param("org", "" + p.org()).param("action", "save").param("basicSituation", "授权核查修改")
                        .param("version", "" + STALE)),
                route("POST", "/survey/reports/{id}/accept", needs(SURVEY_REVIEW),
                        p -> post("/survey/reports/{id}/accept", p.survey().report())),
                route("POST", "/survey/reports/{id}/return", needs(SURVEY_REVIEW),
                        p -> post("/survey/reports/{id}/return", p.survey().report()).param("reason", "授权核查退回")),
                route("POST", "/survey/report/attachments", needs(SURVEY_WRITE), p -> multipart("/survey/report/attachments")
                        .file(disguised()).param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(attachment, "GET", "/survey/attachments/{id}", needs(CAMPAIGN_READ),
                        p -> get("/survey/attachments/{id}", p.survey().attachment())),
                route("POST", "/survey/attachments/{id}/delete", needs(SURVEY_WRITE), p -> post("/survey/attachments/{id}/delete",
                        p.survey().attachment()).param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                showing(activity, "GET", "/survey/activities", needs(CAMPAIGN_READ),
                        p -> get("/survey/activities").param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/survey/activities", needs(SURVEY_WRITE), p -> post("/survey/activities")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("kind", "SYMPOSIUM")
                        .param("occurredOn", LocalDate.of(PROBE_YEAR + 1, 3, 15).toString()).param("amount", "1")),
                route("POST", "/survey/activities/{id}/delete", needs(SURVEY_WRITE), p -> post("/survey/activities/{id}/delete",
                        spareActivity(p.target())).param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/survey/summary", needs(CAMPAIGN_READ),
                        p -> get("/survey/summary").param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/survey/summary.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/survey/summary.xlsx").param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/survey/station-summary", needs(CAMPAIGN_READ),
                        p -> get("/survey/station-summary").param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/survey/station-summary.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/survey/station-summary.xlsx").param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(template, "GET", "/questionnaire-templates", new ScopedList(CAMPAIGN_READ), p -> get("/questionnaire-templates")),
                showing(template, "GET", "/questionnaire-templates/{id}", needs(CAMPAIGN_READ),
                        p -> get("/questionnaire-templates/{id}", p.survey().template())),
                showing(template, "GET", "/questionnaire-templates/{id}/edit", needs(CAMPAIGN_MANAGE),
                        p -> get("/questionnaire-templates/{id}/edit", p.survey().template())),
                route("POST", "/questionnaire-templates/{id}", needs(CAMPAIGN_MANAGE), p -> post("/questionnaire-templates/{id}",
                        p.survey().template()).param("title", "授权核查修改").param("questions", questionsText)
                        .param("version", "" + STALE)),
                route("POST", "/questionnaire-templates/{id}/copy", new Unbound(CAMPAIGN_MANAGE),
                        p -> post("/questionnaire-templates/{id}/copy", STALE)),
                showing(questionnaireLink, "GET", "/questionnaires", needs(CAMPAIGN_READ), p -> get("/questionnaires")
                        .param("campaign", "" + p.survey().rootedCampaign()).param("org", "" + p.org())),
                route("GET", "/questionnaires/new", needs(SURVEY_WRITE), p -> get("/questionnaires/new")
                        .param("campaign", "" + p.survey().rootedCampaign()).param("org", "" + p.org())),
                route("POST", "/questionnaires", needs(SURVEY_WRITE), p -> post("/questionnaires")
                        .param("campaign", "" + p.survey().rootedCampaign()).param("org", "" + p.org())
                        .param("templateId", "" + villageTemplate).param("mode", "OPEN")
                        .param("opensOn", WINDOW_OPENS.toString()).param("closesOn", WINDOW_CLOSES.toString())),
                showing(slug, "GET", "/questionnaires/{id}", needs(CAMPAIGN_READ),
                        p -> get("/questionnaires/{id}", p.survey().questionnaire())),
                showing(questionnaireLink, "GET", "/questionnaires/rollup", needs(CAMPAIGN_READ), p -> get("/questionnaires/rollup")
                        .param("campaign", "" + p.survey().rootedCampaign()).param("org", "" + p.org())
                        .param("template", "" + villageTemplate)),
                route("GET", "/questionnaires/rollup.xlsx", needs(CAMPAIGN_READ), p -> get("/questionnaires/rollup.xlsx")
                        .param("campaign", "" + p.survey().rootedCampaign()).param("org", "" + p.org())
                        .param("template", "" + villageTemplate)),
                showing(slug, "GET", "/questionnaires/{id}/poster", needs(CAMPAIGN_READ),
                        p -> get("/questionnaires/{id}/poster", p.survey().questionnaire())),
                route("GET", "/questionnaires/{id}/qr.png", needs(CAMPAIGN_READ),
                        p -> get("/questionnaires/{id}/qr.png", p.survey().questionnaire())),
                route("POST", "/questionnaires/{id}/codes", needs(SURVEY_WRITE),
                        p -> post("/questionnaires/{id}/codes", p.survey().questionnaire()).param("count", "1")),
                route("POST", "/questionnaires/{id}/count", needs(SURVEY_WRITE),
                        p -> post("/questionnaires/{id}/count", p.survey().questionnaire())
                                .param("closingKey", "0000-0000-0000-0000-0000-0000")),
                route("GET", "/questionnaires/{id}/statistics.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/questionnaires/{id}/statistics.xlsx", p.survey().questionnaire())),
                route("GET", "/orgs/{id}/leadership", needs(ORG_READ), p -> get("/orgs/{id}/leadership", p.org())),
                route("POST", "/orgs/{id}/leadership", needs(ORG_WRITE), p -> post("/orgs/{id}/leadership", p.org())
                        .param("personName", "").param("post", "SECRETARY").param("startedOn", "2020-01-01")),
                route("POST", "/leadership/{postId}/end", new Unbound(ORG_WRITE), p -> post("/leadership/{postId}/end", STALE)
                        .param("on", "2020-01-01").param("reason", "换届")),
                route("GET", "/grading-schemes", new Unbound(CAMPAIGN_READ), p -> get("/grading-schemes")),
                route("GET", "/grading-schemes/{id}", new Unbound(CAMPAIGN_READ), p -> get("/grading-schemes/{id}", villageScheme)),
                route("POST", "/grading-schemes/{id}/copy", new Unbound(CAMPAIGN_MANAGE), p -> post("/grading-schemes/{id}/copy", STALE)),
                route("GET", "/grading-schemes/{id}/edit", new Unbound(CAMPAIGN_MANAGE), p -> get("/grading-schemes/{id}/edit", villageScheme)),
                route("POST", "/grading-schemes/{id}", new Unbound(CAMPAIGN_MANAGE), p -> post("/grading-schemes/{id}", villageScheme)
                        .param("name", "授权核查标准").param("standard", "").param("version", "" + STALE)),
                // 对标定级 pages, probed as the API above; a refused step comes back as the case page with the reason
                showing(org, "GET", "/grading", needs(CAMPAIGN_READ), p -> get("/grading")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/grading/case", needs(CAMPAIGN_READ), p -> get("/grading/case")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("POST", "/grading/case/review", needs(GRADING_WRITE), p -> post("/grading/case/review")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("step", "PUBLIC_REVIEW")
                        .param("place", "授权核查")),
                route("POST", "/grading/case/score-sheet", needs(GRADING_WRITE), p -> post("/grading/case/score-sheet")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("s1.1", "3").param("version", "0")),
                route("POST", "/grading/case/self-grade", needs(GRADING_WRITE), p -> post("/grading/case/self-grade")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("grade", "授权核查")
                        .param("statement", "授权核查").param("version", "0")),
                route("POST", "/grading/case/ballot/paper", needs(GRADING_WRITE), p -> post("/grading/case/ballot/paper")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/grading/case/ballot/phone", needs(GRADING_WRITE), p -> post("/grading/case/ballot/phone")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("expected", "1")),
                route("POST", "/grading/case/ballot/abandon", needs(GRADING_WRITE), p -> post("/grading/case/ballot/abandon")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("reason", "授权核查")),
                route("POST", "/grading/case/ballot/close", needs(GRADING_WRITE), p -> post("/grading/case/ballot/close")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("attendance", "1")),
                route("POST", "/grading/case/decision", needsBelow(GRADING_DECIDE), p -> post("/grading/case/decision")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org()).param("grade", "授权核查")
                        .param("version", "" + STALE)),
                route("POST", "/grading/case/reopen", needsBelow(GRADING_DECIDE), p -> post("/grading/case/reopen")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org()).param("to", "PUBLIC_REVIEW")
                        .param("reason", "")),
                showing(org, "GET", "/grading/decisions", needs(GRADING_DECIDE), p -> get("/grading/decisions")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("POST", "/grading/decisions", needs(GRADING_DECIDE), p -> post("/grading/decisions")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("minutes", "授权核查")),
                showing(org, "GET", "/grading/register", new ScopedList(CAMPAIGN_READ), p -> get("/grading/register")
                        .param("year", "" + (PROBE_YEAR - 1))),
                route("GET", "/grading/register.xlsx", needs(CAMPAIGN_READ), p -> get("/grading/register.xlsx")
                        .param("year", "" + (PROBE_YEAR - 1)).param("under", "" + p.org())),
                // the settings page is the managers' form (those who only read the campaign read the settings in the API)
                showing(rooted, "GET", "/grading/setup", needs(CAMPAIGN_MANAGE),
                        p -> get("/grading/setup").param("campaign", "" + p.survey().rootedCampaign())),
                route("POST", "/grading/setup/scheme", needs(CAMPAIGN_MANAGE), p -> post("/grading/setup/scheme")
                        .param("campaign", "" + p.survey().rootedCampaign()).param("field", "")),
                route("POST", "/grading/setup/pass-percent", needs(CAMPAIGN_MANAGE), p -> post("/grading/setup/pass-percent")
                        .param("campaign", "" + p.survey().rootedCampaign()).param("percent", "0")),
                // 附件4 and 附件3 under the organisation asked for, and its 附件8 申报表
                showing(org, "GET", "/grading/tables", needs(CAMPAIGN_READ), p -> get("/grading/tables")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("GET", "/grading/tables/summary.xlsx", needs(CAMPAIGN_READ), p -> get("/grading/tables/summary.xlsx")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("GET", "/grading/tables/names.xlsx", needs(CAMPAIGN_READ), p -> get("/grading/tables/names.xlsx")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("GET", "/grading/case/declaration.docx", needs(CAMPAIGN_READ), p -> get("/grading/case/declaration.docx")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                // 晋位升级 pages, probed as the API above: a refused form comes back as its page with the reason, a refused
                // action is sent back to the page with it
                route("GET", "/upgrade", needs(CAMPAIGN_READ), p -> get("/upgrade")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/upgrade/goal", needs(CAMPAIGN_READ), p -> get("/upgrade/goal")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("POST", "/upgrade/goal", needs(UPGRADE_WRITE), p -> post("/upgrade/goal")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("action", "submit")
                        .param("statement", "授权核查目标").param("m0text", "授权核查措施").param("m0owner", "授权核查")
                        .param("m0due", LocalDate.of(PROBE_YEAR, 12, 31).toString())),
                route("POST", "/upgrade/goal/approve", authority, p -> post("/upgrade/goal/approve")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("version", "" + STALE)),
                route("POST", "/upgrade/goal/return", authority, p -> post("/upgrade/goal/return")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("version", "" + STALE)
                        .param("reason", "授权核查退回")),
                route("POST", "/upgrade/goal/convert", authority, p -> post("/upgrade/goal/convert")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(problem, "GET", "/upgrade/ledger", needs(CAMPAIGN_READ), p -> get("/upgrade/ledger")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/upgrade/ledger/items", needs(UPGRADE_WRITE), p -> post("/upgrade/ledger/items")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("problem", "授权核查新问题")
                        .param("measure", "授权核查措施").param("responsible", "授权核查").param("deadline", lateDeadline.toString())),
                route("POST", "/upgrade/ledger/items/{id}/notes", needs(UPGRADE_WRITE),
                        p -> multipart("/upgrade/ledger/items/{id}/notes", p.work().item())
                                .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("note", " ")),
                route("POST", "/upgrade/ledger/items/{id}/close", authority, p -> post("/upgrade/ledger/items/{id}/close",
                        p.work().item()).param("campaign", "" + probeCampaign).param("org", "" + p.org())
                        .param("version", "" + STALE).param("remark", "授权核查销号")),
                route("POST", "/upgrade/ledger/items/{id}/return", authority, p -> post("/upgrade/ledger/items/{id}/return",
                        p.work().item()).param("campaign", "" + probeCampaign).param("org", "" + p.org())
                        .param("version", "" + STALE).param("reason", "授权核查退回")),
                showing(evidence, "GET", "/upgrade/ledger/items/{id}/notes/{note}", needs(CAMPAIGN_READ),
                        p -> get("/upgrade/ledger/items/{id}/notes/{note}", p.work().item(), p.work().note())),
                route("GET", "/upgrade/ledger.xlsx", needs(CAMPAIGN_READ), p -> get("/upgrade/ledger.xlsx")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                // a hosted station's goal and ledger pages (the probe station is not graded: an allowed write stops there)
                showing(org, "GET", "/upgrade/stations/{station}/goal", needs(CAMPAIGN_READ),
                        p -> get("/upgrade/stations/{s}/goal", stationOf(p.org())).param("campaign", "" + probeCampaign)),
                route("POST", "/upgrade/stations/{station}/goal", needs(UPGRADE_WRITE),
                        p -> post("/upgrade/stations/{s}/goal", stationOf(p.org())).param("campaign", "" + probeCampaign)
                                .param("action", "submit").param("statement", "授权核查目标").param("m0text", "授权核查措施")
                                .param("m0owner", "授权核查").param("m0due", LocalDate.of(PROBE_YEAR, 12, 31).toString())),
                route("POST", "/upgrade/stations/{station}/goal/approve", authority,
                        p -> post("/upgrade/stations/{s}/goal/approve", stationOf(p.org())).param("campaign", "" + probeCampaign)
                                .param("version", "" + STALE)),
                route("POST", "/upgrade/stations/{station}/goal/return", authority,
                        p -> post("/upgrade/stations/{s}/goal/return", stationOf(p.org())).param("campaign", "" + probeCampaign)
                                .param("version", "" + STALE).param("reason", "授权核查退回")),
                route("POST", "/upgrade/stations/{station}/goal/convert", authority,
                        p -> post("/upgrade/stations/{s}/goal/convert", stationOf(p.org())).param("campaign", "" + probeCampaign)),
                showing(org, "GET", "/upgrade/stations/{station}/ledger", needs(CAMPAIGN_READ),
                        p -> get("/upgrade/stations/{s}/ledger", stationOf(p.org())).param("campaign", "" + probeCampaign)),
                route("POST", "/upgrade/stations/{station}/ledger/items", needs(UPGRADE_WRITE),
                        p -> post("/upgrade/stations/{s}/ledger/items", stationOf(p.org())).param("campaign", "" + probeCampaign)
                                .param("problem", "授权核查站点问题").param("measure", "授权核查措施").param("responsible", "授权核查")
                                .param("deadline", LocalDate.of(PROBE_YEAR, 12, 31).toString())),
                route("GET", "/upgrade/stations/{station}/ledger.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/upgrade/stations/{s}/ledger.xlsx", stationOf(p.org())).param("campaign", "" + probeCampaign)),
                showing(helper, "GET", "/upgrade/assistance", needs(CAMPAIGN_READ), p -> get("/upgrade/assistance")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/upgrade/assistance", needs(UPGRADE_WRITE), p -> post("/upgrade/assistance")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("kind", "LEADER_CONTACT")
                        .param("helperName", " ").param("startedOn", LocalDate.of(PROBE_YEAR, 3, 1).toString())),
                route("POST", "/upgrade/assistance/{id}/visits", needs(UPGRADE_WRITE),
                        p -> post("/upgrade/assistance/{id}/visits", p.work().assistance()).param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org()).param("visitedOn", tomorrow.toString()).param("visitor", "授权核查")
                                .param("what", "授权核查走访")),
                // 公开承诺 pages, probed as the API above
                showing(pledgeGoal, "GET", "/pledges", needs(CAMPAIGN_READ), p -> get("/pledges")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/pledges/organisation", needs(PLEDGE_WRITE), p -> post("/pledges/organisation")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("goal", "授权核查修改")
                        .param("item0", "授权核查").param("version", "" + STALE)),
                route("POST", "/pledges/member", needs(PLEDGE_WRITE), p -> post("/pledges/member")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("member", "" + p.member())
                        .param("item0", "授权核查")),
                route("POST", "/pledges/{id}/sign", authority, p -> post("/pledges/{id}/sign", p.work().pledge())
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("version", "" + STALE))
                        .variant(organisations),
                route("POST", "/pledges/{id}/sign", needs(PLEDGE_WRITE), p -> post("/pledges/{id}/sign", p.work().memberPledge())
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("version", "" + STALE))
                        .variant(members),
                route("POST", "/pledges/{id}/return", authority, p -> post("/pledges/{id}/return", p.work().pledge())
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("version", "" + STALE)
                        .param("reason", "授权核查退回")).variant(organisations),
                route("POST", "/pledges/{id}/return", needs(PLEDGE_WRITE), p -> post("/pledges/{id}/return", p.work().memberPledge())
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("version", "" + STALE)
                        .param("reason", "授权核查退回")).variant(members),
                route("POST", "/pledges/publish", needs(PLEDGE_WRITE), p -> post("/pledges/publish")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/pledges/ratings/open", needs(PLEDGE_WRITE), p -> post("/pledges/ratings/open")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/pledges/ratings/count", needs(PLEDGE_WRITE), p -> post("/pledges/ratings/count")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("closingKey", "x")),
                route("POST", "/pledges/ratings/abandon", needs(PLEDGE_WRITE), p -> post("/pledges/ratings/abandon")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("reason", "授权核查")),
                route("POST", "/pledges/suggestions", needs(PLEDGE_WRITE), p -> post("/pledges/suggestions")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("open", "false")),
                route("POST", "/pledges/suggestions/{id}/take", needs(PLEDGE_WRITE),
                        p -> post("/pledges/suggestions/{id}/take", p.work().suggestion())
                                .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/pledges/suggestions/{id}/reject", needs(PLEDGE_WRITE),
                        p -> post("/pledges/suggestions/{id}/reject", p.work().suggestion())
                                .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/pledges/{id}/items/{number}", needs(PLEDGE_WRITE),
                        p -> post("/pledges/{id}/items/{number}", p.work().pledge(), 1).param("campaign", "" + probeCampaign)
                                .param("org", "" + p.org()).param("status", "IN_PROGRESS")),
                route("POST", "/pledges/comments", authority, p -> post("/pledges/comments")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("text", " ")),
                showing(org, "GET", "/pledges/overview", needs(CAMPAIGN_READ), p -> get("/pledges/overview")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/pledges/overview.xlsx", needs(CAMPAIGN_READ), p -> get("/pledges/overview.xlsx")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/pledges/ratings.xlsx", needs(CAMPAIGN_READ), p -> get("/pledges/ratings.xlsx")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                // 附件9 and 附件10: the target's 承诺书 and its member's as .docx
                route("GET", "/pledges/document.docx", needs(CAMPAIGN_READ), p -> get("/pledges/document.docx")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/pledges/members/{member}/document.docx", needs(CAMPAIGN_READ),
                        p -> get("/pledges/members/{member}/document.docx", p.work().pledgeMember())
                                .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                // 总结验收 pages: as their API above
                route("GET", "/acceptance/reviews", needs(CAMPAIGN_READ), p -> get("/acceptance/reviews")
                        .param("campaign", "" + handedInCampaign).param("authority", "" + p.org())),
                route("GET", "/acceptance/reviews.xlsx", needs(CAMPAIGN_READ), p -> get("/acceptance/reviews.xlsx")
                        .param("campaign", "" + handedInCampaign).param("authority", "" + p.org())),
                showing(org, "GET", "/acceptance/review", needs(CAMPAIGN_READ), p -> get("/acceptance/review")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("POST", "/acceptance/review", needs(GRADING_WRITE), p -> post("/acceptance/review")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("report", "授权核查")),
                showing(org, "GET", "/acceptance/review/decision", needs(CAMPAIGN_READ), p -> get("/acceptance/review/decision")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org())),
                route("POST", "/acceptance/review/decision", authority, p -> post("/acceptance/review/decision")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org()).param("grade", "先进")
                        .param("version", "" + STALE)),
                route("POST", "/acceptance/review/return", authority, p -> post("/acceptance/review/return")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org()).param("reason", "授权核查退回")),
                route("POST", "/acceptance/review/reopen", authority, p -> post("/acceptance/review/reopen")
                        .param("campaign", "" + handedInCampaign).param("org", "" + p.org()).param("reason", "授权核查")),
                // 总结验收: the list of 工作总结 of the campaign rooted at the target; the 工作总结 of the target as a grading
                // authority in the probe campaign (where it graded nobody, so an allowed call stops at 422 — or, for the
                // root, at a part too long or a hand-in the root does not owe — and writes nothing), reviewed by the
                // campaign root's organisation department; 示范 recognitions, one per target made for the walk, recorded
                // and corrected by a superior (a stale version: nothing changes)
                route("GET", "/api/acceptance/summaries/{campaignId}", new CampaignLine(CAMPAIGN_READ, false),
                        p -> get("/api/acceptance/summaries/{campaignId}", p.survey().rootedCampaign())),
                route("GET", "/api/acceptance/summaries/{campaignId}/{authorityId}", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/summaries/{c}/{a}", probeCampaign, p.org())),
                route("PUT", "/api/acceptance/summaries/{campaignId}/{authorityId}", needs(GRADING_DECIDE),
                        p -> jsonBody(put("/api/acceptance/summaries/{c}/{a}", probeCampaign, p.org()),
                                "{\"achievements\": \"" + "授".repeat(20001) + "\"}")),
                route("POST", "/api/acceptance/summaries/{campaignId}/{authorityId}/hand-in", needs(GRADING_DECIDE),
                        p -> post("/api/acceptance/summaries/{c}/{a}/hand-in", probeCampaign, p.org())),
                route("POST", "/api/acceptance/summaries/{campaignId}/{authorityId}/accept", needs(CAMPAIGN_MANAGE),
                        p -> post("/api/acceptance/summaries/{c}/{a}/accept", probeCampaign, p.org())),
                route("POST", "/api/acceptance/summaries/{campaignId}/{authorityId}/return", needs(CAMPAIGN_MANAGE),
                        p -> jsonBody(post("/api/acceptance/summaries/{c}/{a}/return", probeCampaign, p.org()),
                                "{\"reason\": \"授权核查退回\"}")),
                route("GET", "/api/acceptance/recognitions", new ScopedList(CAMPAIGN_READ), p -> get("/api/acceptance/recognitions")),
                route("GET", "/api/acceptance/recognitions/{id}", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/recognitions/{id}", recognitionOf(p.org()))),
                route("POST", "/api/acceptance/recognitions", needsBelow(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/recognitions"), ("{\"organizationId\": %d, \"level\": \"CITY\","
                                + " \"recognizedOn\": \"2020-07-01\", \"issuedBy\": \"授权核查\"}").formatted(p.org()))),
                route("PUT", "/api/acceptance/recognitions/{id}", needsBelow(GRADING_DECIDE),
                        p -> jsonBody(put("/api/acceptance/recognitions/{id}", recognitionOf(p.org())), ("{\"level\": \"CITY\","
                                + " \"recognizedOn\": \"2020-07-01\", \"issuedBy\": \"授权核查\", \"documentNumber\": \"授权核查\","
                                + " \"version\": " + STALE + "}"))),
                route("GET", "/acceptance/summaries", new CampaignLine(CAMPAIGN_READ, false),
                        p -> get("/acceptance/summaries").param("campaign", "" + p.survey().rootedCampaign())),
                route("GET", "/acceptance/summaries/{campaign}/{authority}", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/summaries/{c}/{a}", probeCampaign, p.org())),
                route("POST", "/acceptance/summaries/{campaign}/{authority}", needs(GRADING_DECIDE),
                        p -> post("/acceptance/summaries/{c}/{a}", probeCampaign, p.org()).param("achievements", "授".repeat(20001))),
                route("POST", "/acceptance/summaries/{campaign}/{authority}/accept", needs(CAMPAIGN_MANAGE),
                        p -> post("/acceptance/summaries/{c}/{a}/accept", probeCampaign, p.org())),
                route("POST", "/acceptance/summaries/{campaign}/{authority}/return", needs(CAMPAIGN_MANAGE),
                        p -> post("/acceptance/summaries/{c}/{a}/return", probeCampaign, p.org()).param("reason", "授权核查退回")),
                route("GET", "/acceptance/summaries/{campaign}/{authority}/summary.docx", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/summaries/{c}/{a}/summary.docx", probeCampaign, p.org())),
                route("GET", "/acceptance/summaries/{campaign}/{authority}/figures.xlsx", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/summaries/{c}/{a}/figures.xlsx", probeCampaign, p.org())),
                route("GET", "/acceptance/recognitions", new ScopedList(CAMPAIGN_READ), p -> get("/acceptance/recognitions")),
                route("GET", "/acceptance/recognitions.xlsx", new ScopedList(CAMPAIGN_READ), p -> get("/acceptance/recognitions.xlsx")),
                route("POST", "/acceptance/recognitions", needsBelow(GRADING_DECIDE), p -> post("/acceptance/recognitions")
                        .param("organizationId", "" + p.org()).param("level", "CITY").param("recognizedOn", "2020-07-01")
                        .param("issuedBy", "授权核查")),
                route("GET", "/acceptance/recognitions/{id}/edit", needsBelow(GRADING_DECIDE),
                        p -> get("/acceptance/recognitions/{id}/edit", recognitionOf(p.org()))),
                route("POST", "/acceptance/recognitions/{id}", needsBelow(GRADING_DECIDE),
                        p -> post("/acceptance/recognitions/{id}", recognitionOf(p.org())).param("level", "CITY")
                                .param("recognizedOn", "2020-07-01").param("issuedBy", "授权核查").param("documentNumber", "授权核查")
                                .param("version", "" + STALE)),
                // 远程教育站点分类 of a station the target hosts, in the probe campaign (nothing handed in, so an allowed
                // write stops at a rule and stores nothing); the host deciding its own station is told why (422), an
                // organisation out of scope is refused (403)
                showing(org, "GET", "/api/station-gradings/{campaign}/{station}", needs(CAMPAIGN_READ),
                        p -> get("/api/station-gradings/{c}/{s}", probeCampaign, stationOf(p.org()))),
                route("PUT", "/api/station-gradings/{campaign}/{station}/self-assessment", needs(GRADING_WRITE),
                        p -> jsonBody(put("/api/station-gradings/{c}/{s}/self-assessment", probeCampaign, stationOf(p.org())),
                                "{\"scores\": {\"9.9\": 1}, \"statement\": \"授权核查\", \"version\": 0}")),
                route("POST", "/api/station-gradings/{campaign}/{station}/submit", needs(GRADING_WRITE),
                        p -> jsonBody(post("/api/station-gradings/{c}/{s}/submit", probeCampaign, stationOf(p.org())),
                                "{\"version\": 0}")),
                route("POST", "/api/station-gradings/{campaign}/{station}/decision", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/station-gradings/{c}/{s}/decision", probeCampaign, stationOf(p.org())),
                                "{\"grade\": \"先进\", \"version\": 0}")),
                route("POST", "/api/station-gradings/{campaign}/{station}/reopen", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/station-gradings/{c}/{s}/reopen", probeCampaign, stationOf(p.org())),
                                "{\"reason\": \"授权核查\", \"version\": 0}")),
                // the same steps in the 年末审定 round, behind the same guard (the probe station has no 年初定级, so an
                // allowed write stops at that rule and stores nothing)
                showing(org, "GET", "/api/station-gradings/{campaign}/{station}", needs(CAMPAIGN_READ),
                        p -> get("/api/station-gradings/{c}/{s}", probeCampaign, stationOf(p.org())).param("round", "YEAR_END"))
                        .variant("年末审定"),
                route("PUT", "/api/station-gradings/{campaign}/{station}/self-assessment", needs(GRADING_WRITE),
                        p -> jsonBody(put("/api/station-gradings/{c}/{s}/self-assessment", probeCampaign, stationOf(p.org()))
                                .param("round", "YEAR_END"), "{\"scores\": {\"1.1\": 1}, \"statement\": \"授权核查\", \"version\": 0}"))
                        .variant("年末审定"),
                route("POST", "/api/station-gradings/{campaign}/{station}/decision", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/station-gradings/{c}/{s}/decision", probeCampaign, stationOf(p.org()))
                                .param("round", "YEAR_END"), "{\"grade\": \"先进\", \"version\": 0}")).variant("年末审定"),
                showing(org, "GET", "/stations/grading/{campaign}/{station}", needs(CAMPAIGN_READ),
                        p -> get("/stations/grading/{c}/{s}", probeCampaign, stationOf(p.org())).param("round", "YEAR_END"))
                        .variant("年末审定"),
                // a 示范站点 is recorded for the station's host by the host's superiors, never by the host itself
                route("POST", "/api/acceptance/recognitions", needsBelow(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/recognitions"), ("{\"stationId\": %d, \"level\": \"CITY\","
                                + " \"recognizedOn\": \"2020-07-01\", \"issuedBy\": \"授权核查\"}").formatted(stationOf(p.org()))))
                        .variant("示范站点"),
                route("GET", "/api/station-gradings", needs(CAMPAIGN_READ), p -> get("/api/station-gradings")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/api/station-gradings/register", new ScopedList(CAMPAIGN_READ), p -> get("/api/station-gradings/register")),
                route("GET", "/stations/grading", needs(CAMPAIGN_READ), p -> get("/stations/grading")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                showing(org, "GET", "/stations/grading/{campaign}/{station}", needs(CAMPAIGN_READ),
                        p -> get("/stations/grading/{c}/{s}", probeCampaign, stationOf(p.org()))),
                route("POST", "/stations/grading/{campaign}/{station}/self-assessment", needs(GRADING_WRITE),
                        p -> post("/stations/grading/{c}/{s}/self-assessment", probeCampaign, stationOf(p.org()))
                                .param("scores[9.9]", "1").param("statement", "授权核查")),
                route("POST", "/stations/grading/{campaign}/{station}/submit", needs(GRADING_WRITE),
                        p -> post("/stations/grading/{c}/{s}/submit", probeCampaign, stationOf(p.org()))),
                route("POST", "/stations/grading/{campaign}/{station}/decision", needs(GRADING_DECIDE),
                        p -> post("/stations/grading/{c}/{s}/decision", probeCampaign, stationOf(p.org())).param("grade", "先进")),
                route("POST", "/stations/grading/{campaign}/{station}/reopen", needs(GRADING_DECIDE),
                        p -> post("/stations/grading/{c}/{s}/reopen", probeCampaign, stationOf(p.org())).param("reason", "授权核查")),
                route("GET", "/stations/grading/register", new ScopedList(CAMPAIGN_READ), p -> get("/stations/grading/register")),
                route("GET", "/stations/grading/register.xlsx", needs(CAMPAIGN_READ), p -> get("/stations/grading/register.xlsx")
                        .param("org", "" + p.org())),
                showing(org, "GET", "/stations/tables", needs(CAMPAIGN_READ), p -> get("/stations/tables")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/stations/tables/summary.xlsx", needs(CAMPAIGN_READ), p -> get("/stations/tables/summary.xlsx")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("GET", "/stations/tables/names.xlsx", needs(CAMPAIGN_READ), p -> get("/stations/tables/names.xlsx")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                // the public answering pages of the target's questionnaire
                route("GET", "/q/{slug}", new Public(200), p -> get("/q/{slug}", p.survey().slug())),
                route("POST", "/q/{slug}", new Public(422), p -> wrongAnswers(p.survey().slug())),
                route("GET", "/q/{slug}/thanks", new Public(200), p -> get("/q/{slug}/thanks", p.survey().slug())),
                // the public phone ballot (测评) behind its printed link: a questionnaire's short link is no ballot, so
                // looking at it or voting with it answers a page saying no such ballot exists (404)
                showing(f -> "未找到该测评", "GET", "/q/v/{slug}", new Public(404), p -> get("/q/v/{slug}", p.survey().slug())),
                showing(f -> "未找到该测评", "POST", "/q/v/{slug}", new Public(404), p -> post("/q/v/{slug}", p.survey().slug())
                        .param("code", "ABCD-2345").param("choice", "AGREE")),
                // the public pledge page behind its printed link: a questionnaire's short link is no pledge page, so
                // looking at it, suggesting or rating with it answers a page saying no such page exists (404)
                showing(f -> "未找到该党组织的公开承诺页面", "GET", "/q/p/{slug}", new Public(404),
                        p -> get("/q/p/{slug}", p.survey().slug())),
                showing(f -> "未找到该党组织的公开承诺页面", "POST", "/q/p/{slug}/suggest", new Public(404),
                        p -> post("/q/p/{slug}/suggest", p.survey().slug()).param("text", "授权核查点诺").with(from("192.0.2.203"))),
                showing(f -> "未找到该党组织的公开承诺页面", "POST", "/q/p/{slug}/rate", new Public(404),
                        p -> post("/q/p/{slug}/rate", p.survey().slug()).param("choice", "SATISFIED")
                                .cookie(new Cookie("tp_" + p.survey().slug(), "authz-walk")).with(from("192.0.2.203"))),
                // 党员群众民主测评: the target holds its own sittings (a branch grades nobody, so an allowed sitting stops
                // at "no organisation to rate"); a sitting of the target's (see appraisalSitting) answers on its own
                // page, and an allowed write stops at a rule: a stale version, no running phone ballot, no reason given
                showing(org, "GET", "/api/acceptance/appraisals/{campaign}/{holder}", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/appraisals/{campaign}/{holder}", probeCampaign, p.org())),
                route("POST", "/api/acceptance/appraisals/{campaign}/{holder}", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/appraisals/{campaign}/{holder}", probeCampaign, p.org()),
                                "{\"heldOn\": \"2003-11-20\", \"place\": \"授权核查会议室\", \"membersExpected\": 5,"
                                        + " \"membersPresent\": 5, \"publicExpected\": 0, \"publicPresent\": 0, \"mode\": \"PAPER\"}")),
                showing(org, "GET", "/api/acceptance/appraisals/sittings/{id}", needs(CAMPAIGN_READ),
                        p -> get("/api/acceptance/appraisals/sittings/{id}", appraisalSitting(p.org()))),
                route("PUT", "/api/acceptance/appraisals/sittings/{id}/tally", needs(GRADING_DECIDE),
                        p -> jsonBody(put("/api/acceptance/appraisals/sittings/{id}/tally", appraisalSitting(p.org())),
                                "{\"issued\": 0, \"returned\": 0, \"lines\": [], \"version\": " + STALE + "}")),
                route("POST", "/api/acceptance/appraisals/sittings/{id}/confirm", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/appraisals/sittings/{id}/confirm", appraisalSitting(p.org())), stale)),
                route("POST", "/api/acceptance/appraisals/sittings/{id}/count", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/appraisals/sittings/{id}/count", appraisalSitting(p.org())),
                                "{\"closingKey\": \"ABCD\"}")),
                route("POST", "/api/acceptance/appraisals/sittings/{id}/void", needs(GRADING_DECIDE),
                        p -> jsonBody(post("/api/acceptance/appraisals/sittings/{id}/void", appraisalSitting(p.org())),
                                "{\"reason\": \"\"}")),
                showing(org, "GET", "/acceptance/appraisals", needs(CAMPAIGN_READ), p -> get("/acceptance/appraisals")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                route("POST", "/acceptance/appraisals", needs(GRADING_DECIDE), p -> post("/acceptance/appraisals")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org()).param("heldOn", "2003-11-20")
                        .param("place", "授权核查会议室").param("membersExpected", "5").param("membersPresent", "5")
                        .param("publicExpected", "0").param("publicPresent", "0").param("mode", "PAPER")),
                showing(org, "GET", "/acceptance/appraisals/{id}", needs(CAMPAIGN_READ),
                        p -> get("/acceptance/appraisals/{id}", appraisalSitting(p.org()))),
                route("POST", "/acceptance/appraisals/{id}/tally", needs(GRADING_DECIDE),
                        p -> post("/acceptance/appraisals/{id}/tally", appraisalSitting(p.org())).param("version", "" + STALE)
                                .param("issued", "0").param("returned", "0")),
                route("POST", "/acceptance/appraisals/{id}/confirm", needs(GRADING_DECIDE),
                        p -> post("/acceptance/appraisals/{id}/confirm", appraisalSitting(p.org())).param("version", "" + STALE)),
                route("POST", "/acceptance/appraisals/{id}/count", needs(GRADING_DECIDE),
                        p -> post("/acceptance/appraisals/{id}/count", appraisalSitting(p.org())).param("closingKey", "ABCD")),
                route("POST", "/acceptance/appraisals/{id}/void", needs(GRADING_DECIDE),
                        p -> post("/acceptance/appraisals/{id}/void", appraisalSitting(p.org())).param("reason", "")),
                route("GET", "/acceptance/appraisals/results.xlsx", needs(CAMPAIGN_READ), p -> get("/acceptance/appraisals/results.xlsx")
                        .param("campaign", "" + probeCampaign).param("org", "" + p.org())),
                // the public appraisal page: a questionnaire's short link is no appraisal ballot
                showing(f -> "未找到该测评", "GET", "/q/a/{slug}", new Public(404), p -> get("/q/a/{slug}", p.survey().slug())),
                showing(f -> "未找到该测评", "POST", "/q/a/{slug}", new Public(404), p -> post("/q/a/{slug}", p.survey().slug())
                        .param("code", "ABCD-2345").param("c0", "SATISFIED"))
        );
    }

    /** Sittings made for the walk, one per target organisation, held by it in the probe campaign (paper, being entered). */
    final Map<Long, Long> appraisalSittings = new java.util.concurrent.ConcurrentHashMap<>();

    /** The target's own 民主测评 sitting: a paper sitting with nothing entered, put straight into the table once. */
    long appraisalSitting(long org) {
        return appraisalSittings.computeIfAbsent(org, o -> {
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("insert into acceptance_appraisal (campaign_id, holder_organization_id, held_on, place, members_expected,"
                            + " members_present, public_expected, public_present, mode, status, created_by, created_at, updated_at,"
                            + " version) values (:c, :o, date '2003-11-20', '授权核查测评会', 5, 5, 0, 0, 'PAPER', 'ENTERING',"
                            + " 'system', current_timestamp, current_timestamp, 0)")
                    .param("c", probeCampaign).param("o", o).update(key, "id");
            return key.getKey().longValue();
        });
    }

    // ------------------------------------------------------------------ fixtures

    final Map<String, CurrentUser> me = new LinkedHashMap<>();
    final Map<String, String> homePath = new LinkedHashMap<>();
    final List<Case> cases = new ArrayList<>();
    Fixture lichunVillage;
    byte[] orgTemplate;
    /** The city's probe campaign of {@link #PROBE_YEAR}, and the one of the year before with the handed-in reports. */
    long probeCampaign;
    long handedInCampaign;
    /** The shipped questionnaire template for village branches. */
    long villageTemplate;
    long villageScheme;

    @BeforeAll
    void fixtures() throws Exception {
        orgTemplate = mvc.perform(get("/api/import/template/orgs.xlsx").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(orgTemplate).isNotEmpty();
        for (String u : List.of("admin", "zhen", "jggw", "cun", "nyj", "dangyuan")) {
            me.put(u, users.principal(u).user());
            homePath.put(u, path(me.get(u).organizationId()));
        }
        villageTemplate = jdbc.sql("select id from questionnaire_template where code = 'VILLAGE'").query(Long.class).single();
        villageScheme = jdbc.sql("select id from grading_scheme where code = 'FIVE_GOOD_VILLAGE'").query(Long.class).single();
        long city = orgId("中共彭州市委员会");
        probeCampaign = campaign(city, PROBE_YEAR, "授权核查全市活动");
        handedInCampaign = campaign(city, PROBE_YEAR - 1, "授权核查全市上年活动");
        long lichun = orgId("中共彭州市丽春镇委员会");
        long tianpeng = orgId("中共彭州市天彭镇委员会");
        long cunVillageId = me.get("cun").organizationId();
        long otherLichunVillage = jdbc.sql("select min(id) from organization where parent_id = :p and kind = 'BRANCH'"
                        + " and field = 'VILLAGE' and retired = false and id <> :cun")
                .param("p", lichun).param("cun", cunVillageId).query(Long.class).single();
        long tianpengVillage = jdbc.sql("select min(id) from organization where parent_id = :p and kind = 'BRANCH'"
                + " and field = 'VILLAGE' and retired = false").param("p", tianpeng).query(Long.class).single();

        lichunVillage = fixture("a", "甲", otherLichunVillage);
        Fixture cunVillage = fixture("b", "乙", cunVillageId);
        Fixture tianpengV = fixture("c", "丙", tianpengVillage);
        Fixture nyjBranch = fixture("d", "丁", orgId("彭州市农业局行政人员支部"));
        Fixture deptBranch = fixture("e", "戊", orgId("中共彭州市委组织部支部委员会"));
        Fixture agencies = fixture("f", "己", orgId("中共彭州市直属机关工作委员会"));

        cases.add(new Case("admin", true, lichunVillage));
        cases.add(new Case("admin", true, nyjBranch));
        cases.add(new Case("zhen", true, lichunVillage));
        cases.add(new Case("zhen", false, tianpengV));
        cases.add(new Case("zhen", false, nyjBranch));
        cases.add(new Case("jggw", true, nyjBranch));
        cases.add(new Case("jggw", false, lichunVillage));
        cases.add(new Case("cun", true, cunVillage));
        cases.add(new Case("cun", false, lichunVillage));   // beside: the next village of the same town
        cases.add(new Case("cun", false, tianpengV));
        cases.add(new Case("nyj", true, nyjBranch));
        cases.add(new Case("nyj", false, deptBranch));      // beside, under the same 机关工委
        cases.add(new Case("nyj", false, agencies));        // above
        cases.add(new Case("dangyuan", true, cunVillage));
        cases.add(new Case("dangyuan", false, tianpengV));

        // The expectations follow from the tree: check the cases say what the stored paths say.
        for (Case c : cases) {
            String home = path(me.get(c.user()).organizationId());
            assertThat(c.target().orgPath().startsWith(home)).as("scope of " + c).isEqualTo(c.inScope());
        }
    }

    long orgId(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    /** A 示范 recognition of the organisation made for the walk (once), recorded by its parent. */
    long recognitionOf(long org) {
        return recognitions.computeIfAbsent(org, o -> {
            long parent = jdbc.sql("select coalesce(parent_id, id) from organization where id = :id").param("id", o)
                    .query(Long.class).single();
            jdbc.sql("insert into acceptance_recognition (organization_id, recorder_organization_id, title, level, recognized_on,"
                            + " issued_by, document_number, recorded_by, recorded_at, updated_by, updated_at)"
                            + " values (:o, :r, '先进（示范）党组织', 'CITY', :d, '授权核查命名机关', '授权核查〔2020〕1号', 'admin',"
                            + " current_timestamp, 'admin', current_timestamp)")
                    .param("o", o).param("r", parent).param("d", java.time.LocalDate.of(2020, 7, 1)).update();
            return jdbc.sql("select max(id) from acceptance_recognition where organization_id = :o").param("o", o)
                    .query(Long.class).single();
        });
    }

    final Map<Long, Long> recognitions = new java.util.concurrent.ConcurrentHashMap<>();

    /** A 远程教育站点 the organisation hosts, on the registry since 2000 (made once, on first use). */
    long stationOf(long org) {
        return stations.computeIfAbsent(org, o -> {
            jdbc.sql("insert into station (host_organization_id, name, name_key, address, terminal_kind, equipment_condition,"
                            + " manager_name, opened_on, status, created_by, created_at, updated_by, updated_at) values (:o,"
                            + " '授权核查远教站点', '授权核查远教站点', '授权核查地址', 'INTERNET', 'GOOD', '授权核查', :d, 'IN_USE',"
                            + " 'admin', current_timestamp, 'admin', current_timestamp)")
                    .param("o", o).param("d", java.time.LocalDate.of(2000, 1, 1)).update();
            return jdbc.sql("select max(id) from station where host_organization_id = :o").param("o", o)
                    .query(Long.class).single();
        });
    }

    final Map<Long, Long> stations = new java.util.concurrent.ConcurrentHashMap<>();

    String path(long id) {
        return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
    }

    /** The organisation with a member and a (disabled) account of its own, named so a leak is easy to spot. */
    Fixture fixture(String key, String label, long org) throws Exception {
        String orgName = jdbc.sql("select name from organization where id = :id").param("id", org).query(String.class).single();
        assertThat(jdbc.sql("select kind from organization where id = :id").param("id", org).query(String.class).single())
                .as("targets are 党支部 or committees that hold no probe child").isIn("BRANCH", "COMMITTEE");
        assertThat(jdbc.sql("select count(*) from organization where id = :id and grading_authority_id <> parent_id")
                .param("id", org).query(Long.class).single())
                .as("targets are graded by their parent, so their authority is whoever covers them short of themselves").isZero();
        String memberName = "授权核查党员" + label;
        String username = "authz-" + key;
        String accountName = "授权核查账户" + label;
        Long memberId = jdbc.sql("select id from member where name = :n").param("n", memberName).query(Long.class).optional()
                .orElse(null);
        if (memberId == null) {
            memberId = created(jsonBody(post("/api/orgs/{id}/members", org), ("{\"name\": \"%s\", \"sex\": \"FEMALE\","
                    + " \"category\": \"ACTIVIST\", \"activistOn\": \"2024-05-01\", \"birthDate\": \"1996-04-12\", " + FLAGS + "}")
                    .formatted(memberName)));
        }
        Long accountId = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).optional()
                .orElse(null);
        if (accountId == null) {
            accountId = created(jsonBody(post("/api/accounts"), ("{\"username\": \"%s\", \"displayName\": \"%s\","
                    + " \"organizationId\": %d, \"role\": \"MEMBER\", \"password\": \"Check2026pass\", \"enabled\": false}")
                    .formatted(username, accountName, org)));
        }
        graded(org);
        return new Fixture(label, org, orgName, path(org), memberId, memberName, accountId, username, accountName,
                survey(label, org), work(label, org));
    }

    /**
     * The target's 对标定级 in the city's campaign of the year before {@link #PROBE_YEAR}, walked through its five steps
     * and decided 先进 by its grading authority (its parent), unless an earlier run left it. The city's campaign of
     * {@link #PROBE_YEAR} has no case of any target: a step taken there out of order stops at that rule.
     */
    void graded(long org) {
        boolean done = jdbc.sql("select count(*) from grading_case where campaign_id = :c and organization_id = :o")
                .param("c", handedInCampaign).param("o", org).query(Long.class).single() > 0;
        if (!done) {
            record Graded(String field, long authority) {
            }
            Graded g = jdbc.sql("select field, coalesce(grading_authority_id, parent_id) from organization where id = :id")
                    .param("id", org).query((rs, n) -> new Graded(rs.getString(1), rs.getLong(2))).single();
            transactions.executeWithoutResult(t -> grading.graded(handedInCampaign, PROBE_YEAR - 1, org, g.field(), 3,
                    Grade.ADVANCED, g.authority(), "cun", "admin"));
        }
    }

    /** The campaign of the root in that year, opened as admin unless an earlier run left it. */
    long campaign(long root, int year, String name) throws Exception {
        Long id = jdbc.sql("select id from campaign where root_organization_id = :r and campaign_year = :y")
                .param("r", root).param("y", year).query(Long.class).optional().orElse(null);
        return id != null ? id : created(jsonBody(post("/api/campaigns"),
                "{\"rootOrganizationId\": %d, \"year\": %d, \"name\": \"%s\"}".formatted(root, year, name)));
    }

    /** The campaign records of a target, named so a leak is easy to spot; made as admin unless an earlier run left them. */
    Survey survey(String label, long org) throws Exception {
        long rooted = campaign(org, PROBE_YEAR, "授权核查活动" + label);
        String rootedName = jdbc.sql("select name from campaign where id = :id").param("id", rooted).query(String.class).single();
        String text = "授权核查报告" + label;
        String file = "授权核查附件" + label + ".pdf";
        String note = "授权核查调查记录" + label;
        String message = "授权核查提醒" + label;
        String url = "/api/campaigns/{c}/orgs/{o}/report";
        LocalDate meeting = LocalDate.of(PROBE_YEAR, 3, 20);

        Long report = reportOf(probeCampaign, org);
        if (report == null) {
            report = asAdmin(jsonBody(put(url, probeCampaign, org), reportJson(text, meeting, null)), 200).get("id").asLong();
        }
        Long handedIn = reportOf(handedInCampaign, org);
        if (handedIn == null) {
            asAdmin(jsonBody(put(url, handedInCampaign, org), reportJson(text, meeting.minusYears(1), null)), 200);
            byte[] pdf = ("%PDF-1.4\n% " + file + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            created(multipart(url + "/attachments", handedInCampaign, org).file(new MockMultipartFile("file", file, "application/pdf", pdf)));
            handedIn = asAdmin(jsonBody(post(url + "/submit", handedInCampaign, org), reportJson(text, meeting.minusYears(1), null, org)), 200)
                    .get("id").asLong();
        }
        long attachment = jdbc.sql("select id from survey_attachment where report_id = :r and file_name = :n")
                .param("r", handedIn).param("n", file).query(Long.class).single();
        Long activity = jdbc.sql("select id from survey_activity where campaign_id = :c and organization_id = :o and note = :n order by id")
                .param("c", probeCampaign).param("o", org).param("n", note).query(Long.class).list().stream().findFirst().orElse(null);
        if (activity == null) {
            activity = created(jsonBody(post("/api/campaigns/{c}/orgs/{o}/activities", probeCampaign, org),
                    activityJson(LocalDate.of(PROBE_YEAR, 3, 15), note)));
        }
        Long reminder = jdbc.sql("select id from reminder where campaign_id = :c and to_organization_id = :o and message = :m order by id")
                .param("c", probeCampaign).param("o", org).param("m", message).query(Long.class).list().stream().findFirst().orElse(null);
        if (reminder == null) {
            reminder = created(jsonBody(post("/api/campaigns/{id}/reminders", probeCampaign),
                    "{\"organizationId\": %d, \"message\": \"%s\"}".formatted(org, message)));
        }
        Long questionnaire = jdbc.sql("select id from questionnaire where campaign_id = :c and organization_id = :o order by id")
                .param("c", rooted).param("o", org).query(Long.class).list().stream().findFirst().orElse(null);
        if (questionnaire == null) {
            LocalDate today = LocalDate.now();
            questionnaire = created(jsonBody(post("/api/campaigns/{c}/orgs/{o}/questionnaires", rooted, org),
                    launchJson(villageTemplate, today, today.plusYears(1))));
        }
        String slug = jdbc.sql("select slug from questionnaire where id = :id").param("id", questionnaire).query(String.class).single();
        // a copy is made only for the copier's own organisation (and only a manager copies), so the target's copy of the
        // village template is written directly
        String templateTitle = "授权核查模板" + label;
        Long template = jdbc.sql("select id from questionnaire_template where title = :t").param("t", templateTitle)
                .query(Long.class).optional().orElse(null);
        if (template == null) {
            jdbc.sql("insert into questionnaire_template (code, title, field, intro, questions, owner_organization_id, copied_from_id,"
                            + " audience, version) select :code, :title, field, intro, questions, :owner, id, audience, 1"
                            + " from questionnaire_template where id = :from")
                    .param("code", "AUTHZ-" + label).param("title", templateTitle).param("owner", org).param("from", villageTemplate)
                    .update();
            template = jdbc.sql("select id from questionnaire_template where title = :t").param("t", templateTitle)
                    .query(Long.class).single();
        }
        return new Survey(rooted, rootedName, report, text, attachment, file, activity, note, reminder, message, questionnaire, slug,
                template, templateTitle);
    }

    /**
     * The target's 晋位升级 and 公开承诺 records in the probe campaign (see {@link Work}), made as admin unless an earlier
     * run left them. Admin hands the 承诺书 in, so its authority's users other than admin may sign it.
     */
    Work work(String label, long org) throws Exception {
        String problem = "授权核查整改问题" + label;
        String evidence = "授权核查佐证" + label + ".pdf";
        String helper = "授权核查帮扶人" + label;
        String goal = "授权核查承诺目标" + label;
        String pledger = "授权核查承诺党员" + label;
        String suggestion = "授权核查点诺" + label;
        Long item = jdbc.sql("select id from rectification_item where campaign_id = :c and organization_id = :o and problem = :p")
                .param("c", probeCampaign).param("o", org).param("p", problem).query(Long.class).optional().orElse(null);
        if (item == null) {
            item = created(jsonBody(post("/api/upgrade/ledger/{c}/{o}", probeCampaign, org), ("{\"problem\": \"%s\","
                    + " \"measure\": \"授权核查整改措施\", \"responsible\": \"授权核查责任人\", \"deadline\": \"%s\"}")
                    .formatted(problem, LocalDate.of(PROBE_YEAR, 12, 31))));
        }
        Long note = noteOf(item, evidence);
        if (note == null) {
            byte[] pdf = ("%PDF-1.4\n% " + evidence + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            created(multipart("/api/upgrade/ledger/items/{id}/notes", item).param("note", "授权核查整改进展")
                    .file(new MockMultipartFile("file", evidence, "application/pdf", pdf)));
            note = noteOf(item, evidence);
        }
        Long assistance = jdbc.sql("select id from assistance where campaign_id = :c and organization_id = :o and helper_name = :h")
                .param("c", probeCampaign).param("o", org).param("h", helper).query(Long.class).optional().orElse(null);
        if (assistance == null) {
            assistance = created(jsonBody(post("/api/upgrade/assistance/{c}/{o}", probeCampaign, org),
                    "{\"kind\": \"LEADER_CONTACT\", \"helperName\": \"%s\", \"startedOn\": \"%s\"}"
                            .formatted(helper, LocalDate.of(PROBE_YEAR, 3, 1))));
        }
        Long pledgeMember = jdbc.sql("select id from member where name = :n").param("n", pledger).query(Long.class).optional()
                .orElse(null);
        if (pledgeMember == null) {
            pledgeMember = created(jsonBody(post("/api/orgs/{id}/members", org), ("{\"name\": \"%s\", \"sex\": \"MALE\","
                    + " \"category\": \"PROBATIONARY\", \"activistOn\": \"2022-03-01\", \"developmentTargetOn\": \"2023-03-01\","
                    + " \"joinedOn\": \"2024-05-01\", \"birthDate\": \"1995-06-18\", " + FLAGS + "}").formatted(pledger)));
        }
        String pledgesUrl = "/api/pledges/{c}/{o}";
        Long pledge = pledgeOf(org, null);
        if (pledge == null) {
            asAdmin(jsonBody(put(pledgesUrl + "/organisation", probeCampaign, org).param("submit", "true"),
                    "{\"goal\": \"%s\", \"items\": [\"授权核查承诺事项\"]}".formatted(goal)), 200);
            pledge = pledgeOf(org, null);
        }
        Long memberPledge = pledgeOf(org, pledgeMember);
        if (memberPledge == null) {
            asAdmin(jsonBody(put(pledgesUrl + "/members/{m}", probeCampaign, org, pledgeMember).param("submit", "true"),
                    "{\"items\": [\"授权核查党员承诺事项\"], \"showName\": true}"), 200);
            memberPledge = pledgeOf(org, pledgeMember);
        }
        String suggestionSql = "select s.id from pledge_suggestion s join pledge_board b on b.id = s.board_id"
                + " where b.campaign_id = :c and b.organization_id = :o and s.text = :t";
        Long suggested = jdbc.sql(suggestionSql).param("c", probeCampaign).param("o", org).param("t", suggestion)
                .query(Long.class).optional().orElse(null);
        if (suggested == null) {
            String slug = jdbc.sql("select slug from pledge_board where campaign_id = :c and organization_id = :o")
                    .param("c", probeCampaign).param("o", org).query(String.class).single();
            asAdmin(jsonBody(post(pledgesUrl + "/suggestions", probeCampaign, org), "{\"open\": true}"), 200);
            assertThat(mvc.perform(post("/q/p/{slug}/suggest", slug).param("text", suggestion).with(from("192.0.2.202")))
                    .andReturn().getResponse().getStatus()).as("taken, then back to the page").isEqualTo(302);
            suggested = jdbc.sql(suggestionSql).param("c", probeCampaign).param("o", org).param("t", suggestion)
                    .query(Long.class).single();
            asAdmin(post("/api/pledges/suggestions/{id}/reject", suggested), 200);
            asAdmin(jsonBody(post(pledgesUrl + "/suggestions", probeCampaign, org), "{\"open\": false}"), 200);
        }
        return new Work(item, problem, note, evidence, assistance, helper, pledge, goal, pledgeMember, pledger, memberPledge,
                suggested, suggestion);
    }

    /** The superior of the target's probe commendation: the target itself (so that every user meets it in or out of scope). */
    long commendedBy(Fixture target) {
        commendation(target);
        return target.org();
    }

    /**
     * The target's probe commendation: the target, as a superior, honours the probationary member of its roll (see
     * {@link Work}) as 优秀共产党员 in the probe campaign; made as admin unless an earlier call made it.
     */
    long commendation(Fixture target) {
        Long id = jdbc.sql("select id from acceptance_commendation where awarded_by_organization_id = :o and campaign_id = :c")
                .param("o", target.org()).param("c", probeCampaign).query(Long.class).list().stream().findFirst().orElse(null);
        try {
            return id != null ? id : created(jsonBody(post("/api/acceptance/commendations/{c}/{o}", probeCampaign, target.org()),
                    commendationJson("EXCELLENT_MEMBER", null, target.work().pledgeMember(), null)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name of the target's probe station. */
    String stationName(Fixture target) {
        return "授权核查远程教育站点" + target.label();
    }

    /** The target's probe station (hosted by it, opened in 2012), made as admin with one session unless there. */
    long station(Fixture target) {
        Long id = jdbc.sql("select id from station where host_organization_id = :o and name = :n")
                .param("o", target.org()).param("n", stationName(target)).query(Long.class).optional().orElse(null);
        try {
            if (id == null) {
                id = created(jsonBody(post("/api/stations"), stationJson(target.org(), LocalDate.of(2012, 5, 1), null)
                        .replace("授权核查站点\"", stationName(target) + "\"")));
                created(jsonBody(post("/api/stations/{id}/sessions", id), sessionJson(3, null)
                        .replace("授权核查站点学习\"", "授权核查站点学习" + target.label() + "\"")));
            }
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 情况通报 issued by the target in the probe campaign (stored as issuing stores one), made once. */
    long bulletin(Fixture target) {
        String find = "select id from dashboard_bulletin where campaign_id = :c and organization_id = :o";
        Long id = jdbc.sql(find).param("c", probeCampaign).param("o", target.org()).query(Long.class).list().stream()
                .findFirst().orElse(null);
        if (id == null) {
            jdbc.sql("insert into dashboard_bulletin (campaign_id, organization_id, issue_number, title, period_from, issued_at,"
                            + " issued_by_account, issued_by_name, laggards, document) values (:c, :o, 1, :t, :d, :at, 0,"
                            + " '授权核查', '', :doc)")
                    .param("c", probeCampaign).param("o", target.org()).param("t", target.orgName() + "授权核查通报（第1期）")
                    .param("d", java.sql.Date.valueOf(LocalDate.of(PROBE_YEAR, 1, 1)))
                    .param("at", java.sql.Timestamp.valueOf(LocalDate.of(PROBE_YEAR, 6, 1).atStartOfDay()))
                    .param("doc", new byte[] {'P', 'K', 3, 4}).update();
            id = jdbc.sql(find).param("c", probeCampaign).param("o", target.org()).query(Long.class).single();
        }
        return id;
    }

    /** Makes the target's probe station before a list is asked for; adds nothing to the address. */
    String stationMade(Fixture target) {
        station(target);
        return "";
    }

    long stationSession(Fixture target) {
        return jdbc.sql("select min(id) from station_session where station_id = :s").param("s", station(target))
                .query(Long.class).single();
    }

    static String stationJson(long host, LocalDate openedOn, Long version) {
        return ("{\"hostOrganizationId\": %d, \"name\": \"授权核查站点\", \"address\": \"授权核查地址\", \"terminalKind\": \"SATELLITE\","
                + " \"equipmentCondition\": \"GOOD\", \"managerName\": \"授权核查管理员\", \"openedOn\": \"%s\", \"status\": \"IN_USE\"%s}")
                .formatted(host, openedOn, version == null ? "" : ", \"version\": " + version);
    }

    static String sessionJson(int people, Long version) {
        return ("{\"heldOn\": \"2013-05-01\", \"topic\": \"授权核查站点学习\", \"kind\": \"OTHER\", \"partyMembers\": %d,"
                + " \"publicAttendees\": 0%s}").formatted(people, version == null ? "" : ", \"version\": " + version);
    }

    static String commendationJson(String kind, Long org, Long member, Long version) {
        return ("{\"kind\": \"%s\", \"organizationId\": %s, \"memberId\": %s, \"level\": \"TOWNSHIP\", \"awardedOn\": \"%s\","
                + " \"documentNumber\": \"授权核查文号\", \"citation\": \"授权核查表彰事迹\"%s}")
                .formatted(kind, org, member, LocalDate.of(PROBE_YEAR, 7, 1), version == null ? "" : ", \"version\": " + version);
    }

    Long noteOf(long item, String fileName) {
        return jdbc.sql("select id from rectification_note where item_id = :i and file_name = :f").param("i", item)
                .param("f", fileName).query(Long.class).optional().orElse(null);
    }

    /** The target's 承诺书 in the probe campaign: the organisation's (no member) or the member's. */
    Long pledgeOf(long org, Long member) {
        return jdbc.sql("select p.id from pledge p join pledge_board b on b.id = p.board_id where b.campaign_id = :c"
                        + " and b.organization_id = :o and " + (member == null ? "p.member_id is null" : "p.member_id = :m"))
                .param("c", probeCampaign).param("o", org).params(member == null ? Map.of() : Map.of("m", member))
                .query(Long.class).optional().orElse(null);
    }

    Long reportOf(long campaign, long org) {
        return jdbc.sql("select id from survey_report where campaign_id = :c and organization_id = :o")
                .param("c", campaign).param("o", org).query(Long.class).optional().orElse(null);
    }

    /** A survey record of the target kept for the removal routes to remove (one is made when the last was removed). */
    long spareActivity(Fixture target) {
        String note = "授权核查待删记录";
        Long id = jdbc.sql("select id from survey_activity where campaign_id = :c and organization_id = :o and note = :n order by id")
                .param("c", probeCampaign).param("o", target.org()).param("n", note).query(Long.class).list().stream().findFirst().orElse(null);
        try {
            return id != null ? id : created(jsonBody(post("/api/campaigns/{c}/orgs/{o}/activities", probeCampaign, target.org()),
                    activityJson(LocalDate.of(PROBE_YEAR, 3, 16), note)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request as admin, expects the status and returns the answer. */
    JsonNode asAdmin(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request.with(users.as("admin"))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return json.readTree(body);
    }

    /** Sends a creation as admin and returns the new record's id. */
    long created(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        var response = mvc.perform(request.with(users.as("admin"))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(201);
        return json.readTree(body).get("id").asLong();
    }

    // ------------------------------------------------------------------ the walk

    @Test
    void everyRouteOfTheApplicationHasAnAuthorizationExpectation() {
        Set<String> existing = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        existing.add(ANY_METHOD + " " + pattern);
                    }
                    for (RequestMethod m : methods) {
                        existing.add(m.name() + " " + pattern);
                    }
                }
            }
        }
        Set<String> table = new TreeSet<>();
        Set<String> probes = new TreeSet<>();
        for (Route r : routes()) {
            assertThat(probes.add(r.name())).as("listed twice: " + r.name()).isTrue();
            table.add(r.key());
        }
        Set<String> missing = new TreeSet<>(existing);
        missing.removeAll(table);
        Set<String> gone = new TreeSet<>(table);
        gone.removeAll(existing);
        assertThat(missing).as("routes without an authorization expectation in AuthorizationIT.routes()").isEmpty();
        assertThat(gone).as("table entries for routes that no longer exist").isEmpty();
    }

    @Test
    void everyRouteLetsEachUserActInsideTheirScopeWithTheirRolesPermissionsAndNowhereElse() throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Map<String, Long> recordsBefore = upgradeAndPledgeRecords();
        for (Route r : routes()) {
            Set<String> usersDone = new LinkedHashSet<>();
            for (Case c : cases) {
                boolean aboutThemselves = r.access() instanceof LoggedIn || r.access() instanceof Anyone
                        || r.access() instanceof Unbound;
                if (aboutThemselves && !usersDone.add(c.user())) {
                    continue;
                }
                requests++;
                check(r, c, failures);
            }
        }
        // the grading probes stop at a rule: no step was taken in the probe campaign, no decided case was reopened
        long taken = jdbc.sql("select count(*) from grading_case where campaign_id = :c").param("c", probeCampaign)
                .query(Long.class).single();
        long reopened = jdbc.sql("select count(*) from grading_case where campaign_id = :c and step <> 'DONE'")
                .param("c", handedInCampaign).query(Long.class).single();
        if (taken + reopened > 0) {
            failures.add("the walk changed grading cases: " + taken + " begun in the probe campaign, " + reopened + " reopened");
        }
        // the 晋位升级 and 公开承诺 probes stop at a rule too: no goal, ledger line, note, 帮扶, visit, pledge, suggestion or
        // comment was added or changed in the probe campaigns, and nothing was signed, published, taken up or rated
        Map<String, Long> recordsAfter = upgradeAndPledgeRecords();
        if (!recordsAfter.equals(recordsBefore)) {
            failures.add("the walk changed 晋位升级 or 公开承诺 records: before " + recordsBefore + ", after " + recordsAfter);
        }
        assertThat(requests).isGreaterThan(routes().size() * 5);
        assertThat(failures).as("%d of %d requests did not answer as the table says", failures.size(), requests).isEmpty();
    }

    /** Counts and versions of the 晋位升级 and 公开承诺 records of the two probe campaigns, to tell a change. */
    Map<String, Long> upgradeAndPledgeRecords() {
        String inProbes = " in (:probe, :handedIn)";
        String boards = " join pledge_board b on b.id = p.board_id where b.campaign_id" + inProbes;
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("goals", "select count(*) + coalesce(sum(version), 0) from upgrade_goal where campaign_id" + inProbes);
        queries.put("ledger lines", "select count(*) from rectification_item where campaign_id" + inProbes);
        queries.put("ledger line versions", "select coalesce(sum(version), 0) from rectification_item where campaign_id" + inProbes);
        queries.put("notes", "select count(*) from rectification_note n join rectification_item i on i.id = n.item_id"
                + " where i.campaign_id" + inProbes);
        queries.put("帮扶", "select count(*) from assistance where campaign_id" + inProbes);
        queries.put("visits", "select count(*) from assistance_visit v join assistance a on a.id = v.assistance_id"
                + " where a.campaign_id" + inProbes);
        queries.put("pledge pages", "select count(*) from pledge_board where campaign_id" + inProbes);
        queries.put("pledge page versions", "select coalesce(sum(version), 0) from pledge_board where campaign_id" + inProbes);
        queries.put("open or published pages", "select count(*) from pledge_board where campaign_id" + inProbes
                + " and (suggestions_open = true or published_at is not null)");
        queries.put("pledges", "select count(*) from pledge p" + boards);
        queries.put("pledge versions", "select coalesce(sum(p.version), 0) from pledge p" + boards);
        queries.put("pledge items", "select count(*) from pledge_item i join pledge p on p.id = i.pledge_id" + boards);
        queries.put("pledge items begun", "select count(*) from pledge_item i join pledge p on p.id = i.pledge_id" + boards
                + " and i.status <> 'PLEDGED'");
        queries.put("suggestions", "select count(*) from pledge_suggestion p" + boards);
        queries.put("pending suggestions", "select count(*) from pledge_suggestion p" + boards + " and p.status = 'PENDING'");
        queries.put("comments", "select count(*) from pledge_comment p" + boards);
        queries.put("ratings", "select coalesce(sum(p.n), 0) from pledge_rating_tally p" + boards);
        Map<String, Long> records = new LinkedHashMap<>();
        queries.forEach((what, sql) -> records.put(what, jdbc.sql(sql).param("probe", probeCampaign)
                .param("handedIn", handedInCampaign).query(Long.class).single()));
        return records;
    }

    private void check(Route r, Case c, List<String> failures) throws Exception {
        CurrentUser user = me.get(c.user());
        long answersBefore = r.access() instanceof Public ? answers(c.target()) : 0;
        MvcResult result = mvc.perform(build(r, new Probe(user, c.target())).with(users.as(c.user()))).andReturn();
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String where = r.name() + " as " + c + " -> " + status + excerpt(result);
        if (status >= 500) {
            failures.add(where + ": server error");
            return;
        }
        if (r.access() instanceof Public pub) {
            publicPage(r, pub, c.target(), answersBefore, status, body, where, failures);
        } else if (r.access() instanceof Guarded g) {
            boolean allowed = user.has(g.permission()) && !(g.below() && c.target().org() == user.organizationId());
            if (!c.inScope()) {
                if (status != 403 && status != 404) {
                    failures.add(where + ": out of scope must be 403 or 404");
                }
                leaks(where, body, c.target(), failures);
            } else if (!allowed) {
                if (status != 403) {
                    failures.add(where + ": in scope without " + g.permission() + (g.below() ? " below own organisation" : "")
                            + " must be 403");
                }
            } else {
                allowedAndShown(r, c, status, body, where, failures);
            }
        } else if (r.access() instanceof Own o) {
            boolean own = c.target().org() == user.organizationId();
            if (!c.inScope()) {
                if (status != 403 && status != 404) {
                    failures.add(where + ": out of scope must be 403 or 404");
                }
                leaks(where, body, c.target(), failures);
            } else if (!user.has(o.permission()) || !own) {
                if (status != 403) {
                    failures.add(where + ": without " + o.permission() + " on the own organisation must be 403");
                }
            } else {
                allowedAndShown(r, c, status, body, where, failures);
            }
        } else if (r.access() instanceof CampaignLine l) {
            String home = homePath.get(c.user());
            boolean onItsLine = c.target().orgPath().startsWith(home) || home.startsWith(c.target().orgPath());
            if (!user.has(l.permission())) {
                if (status != 403) {
                    failures.add(where + ": without " + l.permission() + " must be 403");
                }
            } else if (onItsLine) {
                allowedAndShown(r, c, status, body, where, failures);
            } else {
                if (l.list() ? status != 200 : status != 403 && status != 404) {
                    failures.add(where + (l.list() ? ": a list answers 200" : ": a campaign beside must be 403 or 404"));
                }
                leaks(where, body, c.target(), failures);
            }
        } else if (r.access() instanceof ScopedList l) {
            if (!user.has(l.permission())) {
                if (status != 403) {
                    failures.add(where + ": without " + l.permission() + " must be 403");
                }
            } else if (c.inScope()) {
                allowedAndShown(r, c, status, body, where, failures);
            } else {
                if (status != 200) {
                    failures.add(where + ": a list answers 200");
                }
                leaks(where, body, c.target(), failures);
            }
        } else if (r.access() instanceof Unbound u) {
            if (user.has(u.permission()) ? status == 401 || status == 403 || loginRedirect(result) : status != 403) {
                failures.add(where + ": " + u.permission() + (user.has(u.permission()) ? " allows it" : " is missing: 403"));
            }
        } else if (status == 401 || status == 403 || loginRedirect(result)) {
            failures.add(where + ": " + (r.access() instanceof Anyone ? "open to everyone" : "a logged-in user may use it"));
        }
    }

    private static void allowedAndShown(Route r, Case c, int status, String body, String where, List<String> failures) {
        if (status == 401 || status == 403 || status == 404) {
            failures.add(where + ": in scope with the permission must be allowed");
        } else if (status == 400) {
            failures.add(where + ": the probe itself is malformed, so it proves nothing");
        } else if (r.shows() != null && !body.contains(r.shows().apply(c.target()))) {
            failures.add(where + ": should show " + r.shows().apply(c.target()));
        }
    }

    /**
     * A public page answers as the table says (and shows what it says), names nothing of the organisation but its short
     * link, and stores no answer.
     */
    private void publicPage(Route r, Public pub, Fixture target, long answersBefore, int status, String body, String where,
                            List<String> failures) {
        if (status != pub.status()) {
            failures.add(where + ": a public page answers " + pub.status() + " to everyone");
        } else if (r.shows() != null && !body.contains(r.shows().apply(target))) {
            failures.add(where + ": should show " + r.shows().apply(target));
        }
        for (String name : target.names()) {
            if (!name.equals(target.survey().slug()) && body.contains(name)) {
                failures.add(where + ": public page names " + name);
            }
        }
        if (answers(target) != answersBefore) {
            failures.add(where + ": stored an answer");
        }
    }

    long answers(Fixture target) {
        return jdbc.sql("select count(*) from questionnaire_response where questionnaire_id = :q")
                .param("q", target.survey().questionnaire()).query(Long.class).single();
    }

    private static void leaks(String where, String body, Fixture target, List<String> failures) {
        for (String name : target.names()) {
            if (body.contains(name)) {
                failures.add(where + ": response names the out-of-scope record " + name);
            }
        }
    }

    /** The start of an API answer, to say why in a failure message. */
    private static String excerpt(MvcResult result) throws Exception {
        String type = String.valueOf(result.getResponse().getContentType());
        if (!type.contains("json")) {
            return "";
        }
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return " " + body.substring(0, Math.min(160, body.length()));
    }

    private static boolean loginRedirect(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return result.getResponse().getStatus() / 100 == 3 && location != null && location.endsWith("/login");
    }

    private static AbstractMockHttpServletRequestBuilder<?> build(Route r, Probe p) {
        AbstractMockHttpServletRequestBuilder<?> b = r.request().apply(p);
        return r.method().equals("GET") || r.method().equals(ANY_METHOD) ? b : b.with(csrf());
    }

    @Test
    void withoutLoginPagesSendToTheLoginPageAndTheApiAnswers401WithAChineseProblem() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Route r : routes()) {
            long answersBefore = r.access() instanceof Public ? answers(lichunVillage) : 0;
            MvcResult result = mvc.perform(build(r, new Probe(null, lichunVillage))).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            String where = r.name() + " anonymous -> " + status;
            if (status >= 500) {
                failures.add(where + ": server error");
            } else if (r.access() instanceof Public pub) {
                publicPage(r, pub, lichunVillage, answersBefore, status, body, where, failures);
                continue;
            } else if (r.access() instanceof Anyone) {
                if (status == 401 || status == 403 || loginRedirect(result)) {
                    failures.add(where + ": open to everyone");
                }
            } else if (r.api()) {
                String type = String.valueOf(result.getResponse().getContentType());
                if (status != 401 || !type.startsWith("application/problem+json") || !body.contains("请先登录")) {
                    failures.add(where + " " + type + ": must be a 401 problem saying 请先登录");
                }
            } else if (!loginRedirect(result)) {
                failures.add(where + " to " + result.getResponse().getRedirectedUrl() + ": must redirect to /login");
            }
            if (!(r.access() instanceof Anyone)) {
                leaks(where, body, lichunVillage, failures);
            }
        }
        assertThat(failures).isEmpty();
    }
}
