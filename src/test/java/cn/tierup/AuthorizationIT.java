package cn.tierup;

import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Permission;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;

    /** Records of one organisation used as a target: the organisation, a member on its roll, an account bound to it. */
    record Fixture(String label, long org, String orgName, String orgPath, long member, String memberName,
                   long account, String accountUsername, String accountName) {

        List<String> names() {
            return List.of(orgName, memberName, accountUsername, accountName);
        }

        @Override
        public String toString() {
            return label + "(" + orgName + ")";
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

        long home() {
            return me == null ? target.org() : me.organizationId();
        }
    }

    /** What a route needs. */
    sealed interface Access permits Guarded, ScopedList, Unbound, LoggedIn, Anyone {
    }

    /** The permission on the target organisation (strictly below the user's own one when {@code below}). */
    record Guarded(Permission permission, boolean below) implements Access {
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

    record Route(String method, String pattern, Access access, Function<Fixture, String> shows,
                 Function<Probe, AbstractMockHttpServletRequestBuilder<?>> request) {
        String key() {
            return method + " " + pattern;
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
        return new Route(method, pattern, access, null, request);
    }

    static Route showing(Function<Fixture, String> shown, String method, String pattern, Access access,
                         Function<Probe, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new Route(method, pattern, access, shown, request);
    }

    static MockHttpServletRequestBuilder jsonBody(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String orgJson(String name) {
        return "{\"name\": \"%s\", \"kind\": \"BRANCH\", \"field\": \"VILLAGE\"}".formatted(name);
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
        Access loggedIn = new LoggedIn();
        return List.of(
                // --- the JSON API ---
                route("GET", "/api/me", loggedIn, p -> get("/api/me")),
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
                // no upload waits under this token: an allowed call is sent back to the upload page
                route("POST", "/import/confirm", new Unbound(IMPORT), p -> post("/import/confirm").param("token", "no-such-upload")),
                route("POST", "/members/{id}/leave", needs(MEMBER_WRITE), p -> post("/members/{id}/leave", p.member())
                        .param("version", "" + STALE).param("on", "2025-01-02").param("reason", "DECEASED"))
        );
    }

    // ------------------------------------------------------------------ fixtures

    final Map<String, CurrentUser> me = new LinkedHashMap<>();
    final List<Case> cases = new ArrayList<>();
    Fixture lichunVillage;
    byte[] orgTemplate;

    @BeforeAll
    void fixtures() throws Exception {
        orgTemplate = mvc.perform(get("/api/import/template/orgs.xlsx").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(orgTemplate).isNotEmpty();
        for (String u : List.of("admin", "zhen", "jggw", "cun", "nyj", "dangyuan")) {
            me.put(u, users.principal(u).user());
        }
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

    String path(long id) {
        return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
    }

    /** The organisation with a member and a (disabled) account of its own, named so a leak is easy to spot. */
    Fixture fixture(String key, String label, long org) throws Exception {
        String orgName = jdbc.sql("select name from organization where id = :id").param("id", org).query(String.class).single();
        assertThat(jdbc.sql("select kind from organization where id = :id").param("id", org).query(String.class).single())
                .as("targets are 党支部 or committees that hold no probe child").isIn("BRANCH", "COMMITTEE");
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
        return new Fixture(label, org, orgName, path(org), memberId, memberName, accountId, username, accountName);
    }

    /** Sends a creation as admin and returns the new record's id. */
    long created(MockHttpServletRequestBuilder request) throws Exception {
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
        for (Route r : routes()) {
            assertThat(table.add(r.key())).as("listed twice: " + r.key()).isTrue();
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
        assertThat(requests).isGreaterThan(routes().size() * 5);
        assertThat(failures).as("%d of %d requests did not answer as the table says", failures.size(), requests).isEmpty();
    }

    private void check(Route r, Case c, List<String> failures) throws Exception {
        CurrentUser user = me.get(c.user());
        MvcResult result = mvc.perform(build(r, new Probe(user, c.target())).with(users.as(c.user()))).andReturn();
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String where = r.key() + " as " + c + " -> " + status + excerpt(result);
        if (status >= 500) {
            failures.add(where + ": server error");
            return;
        }
        if (r.access() instanceof Guarded g) {
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
            MvcResult result = mvc.perform(build(r, new Probe(null, lichunVillage))).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            String where = r.key() + " anonymous -> " + status;
            if (status >= 500) {
                failures.add(where + ": server error");
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
