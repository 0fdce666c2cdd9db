package cn.tierup.identity;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.shared.StartupProgress;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The doors of the application over real HTTP: form login, held-back logins, CSRF, headers, Actuator, the API's 401. */
@IntegrationTest
class SecurityIT {

    static final String ADMIN_PASSWORD = DemoDataLoader.DEMO_PASSWORD;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired StartupProgress startup;

    String base() {
        return "http://localhost:" + port;
    }

    /** A fresh account (so no demo account is locked or changed), made by the administrator through the API. */
    long newAccount(String username, String displayName, String role, String password) {
        long village = jdbc.sql("select organization_id from account where username = 'cun'").query(Long.class).single();
        String body = """
                {"username": "%s", "displayName": "%s", "organizationId": %d, "role": "%s", "password": "%s"}
                """.formatted(username, displayName, village, role, password);
        HttpResponse<String> created = new WebClient().postJsonBasic(base() + "/api/accounts", body, "admin", ADMIN_PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    static String redirectPath(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
        URI location = URI.create(WebClient.location(response));
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    @Test
    void whileTheDemoCityLoadsTheLoginPageSaysHowFarAndThatTheDemoAccountsWaitForIt() {
        startup.begin("演示数据", 5);
        try {
            startup.step("甲镇的党组织和党员");
            startup.step("乙镇的党组织和党员");
            HttpResponse<String> page = new WebClient().get(base() + "/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("演示数据正在载入：已完成 1/5 步，正在载入“乙镇的党组织和党员”。载入完成前演示账户还不能登录")
                    .contains("aria-valuenow=\"20\"").contains("name=\"username\"");
        } finally {
            startup.end();
        }
        assertThat(new WebClient().get(base() + "/login").body()).as("once loaded").doesNotContain("正在载入");
    }

    @Test
    void aUserLogsInWithTheFormAndLandsOnTheHomePage() {
        newAccount("sec-login", "安全测试登录员", "BRANCH", "Login2026pass");
        WebClient web = new WebClient();
        HttpResponse<String> login = web.login(base(), "sec-login", "Login2026pass");
        assertThat(redirectPath(login)).isEqualTo("/");
        assertThat(web.cookie("SESSION")).as("Spring Session's cookie").isNotBlank();
        HttpResponse<String> home = web.get(base() + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("安全测试登录员");
    }

    @Test
    void fiveWrongPasswordsHoldBackTheirAddressEvenAgainstTheRightOneUntilAnAdministratorLiftsIt() {
        long id = newAccount("sec-lock", "安全测试锁定员", "BRANCH", "Right2026pass");
        WebClient web = new WebClient();
        for (int i = 1; i <= 5; i++) {
            assertThat(redirectPath(web.login(base(), "sec-lock", "Wrong2026pass" + i))).as("wrong password " + i)
                    .isEqualTo("/login?error=bad");
        }
        String held = redirectPath(web.login(base(), "sec-lock", "Right2026pass"));
        assertThat(held).startsWith("/login?error=throttled&wait=");
        HttpResponse<String> page = web.get(base() + held);
        assertThat(page.body()).contains("登录尝试过于频繁", "请管理员解除限制");
        assertThat(redirectPath(web.get(base() + "/"))).as("not logged in").isEqualTo("/login");

        HttpResponse<String> unlock = new WebClient().postJsonBasic(base() + "/api/accounts/" + id + "/unlock", "",
                "admin", ADMIN_PASSWORD);
        assertThat(unlock.statusCode()).isEqualTo(204);
        // back to the home page it asked for while locked out
        assertThat(redirectPath(web.login(base(), "sec-lock", "Right2026pass"))).isIn("/", "/?continue");
        assertThat(web.get(base() + "/").body()).contains("安全测试锁定员");
    }

    @Test
    void aPagePostWithoutItsCsrfTokenIsRefused() {
        newAccount("sec-csrf", "安全测试令牌员", "BRANCH", "Csrf2026pass");
        WebClient web = new WebClient();
        assertThat(redirectPath(web.login(base(), "sec-csrf", "Csrf2026pass"))).isEqualTo("/");
        Map<String, String> change = new LinkedHashMap<>();
        change.put("current", "Csrf2026pass");
        change.put("password", "Changed2026pass");
        change.put("confirm", "Changed2026pass");

        HttpResponse<String> forged = web.postForm(base() + "/account/password", change);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(redirectPath(new WebClient().login(base(), "sec-csrf", "Csrf2026pass"))).as("password unchanged")
                .isEqualTo("/");

        // The same request with the page's token goes through: the 403 above was for the missing token.
        change.put("_csrf", WebClient.csrfToken(web.get(base() + "/account/password").body()));
        assertThat(redirectPath(web.postForm(base() + "/account/password", change))).isEqualTo("/account/password");
        assertThat(redirectPath(new WebClient().login(base(), "sec-csrf", "Changed2026pass"))).isEqualTo("/");
    }

    @Test
    void pagesAndTheApiCarryTheBrowserSecurityHeaders() {
        newAccount("sec-headers", "安全测试标头员", "MEMBER", "Head2026pass");
        WebClient web = new WebClient();
        web.login(base(), "sec-headers", "Head2026pass");
        for (HttpResponse<String> r : List.of(web.get(base() + "/login"), web.get(base() + "/"),
                new WebClient().getBasic(base() + "/api/me", "sec-headers", "Head2026pass"))) {
            assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri() + " CSP").hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"));
            assertThat(r.headers().firstValue("X-Frame-Options")).as(r.uri().toString()).contains("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.uri().toString()).contains("nosniff");
        }
    }

    @Test
    void actuatorHealthIsForAdministratorsOnly() {
        newAccount("sec-ops", "安全测试运维员", "SUPERVISOR", "Ops2026pass");
        WebClient web = new WebClient();
        assertThat(web.get(base() + "/actuator/health").statusCode()).as("anonymous").isEqualTo(401);
        assertThat(web.getBasic(base() + "/actuator/health", "sec-ops", "Ops2026pass").statusCode()).as("not an admin")
                .isEqualTo(403);
        HttpResponse<String> admin = web.getBasic(base() + "/actuator/health", "admin", ADMIN_PASSWORD);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"UP\"");
    }

    @Test
    void theApiAnswersWrongCredentialsWithA401ProblemInChinese() {
        newAccount("sec-api", "安全测试接口员", "BRANCH", "Api2026pass");
        WebClient web = new WebClient();
        for (HttpResponse<String> r : List.of(web.getBasic(base() + "/api/me", "sec-api", "NotIt2026pass"),
                web.getBasic(base() + "/api/me", "sec-nobody", "NotIt2026pass"), web.get(base() + "/api/me"))) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(r.body());
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("detail").asText()).contains("请先登录");
        }
        HttpResponse<String> me = web.getBasic(base() + "/api/me", "sec-api", "Api2026pass");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("username").asText()).isEqualTo("sec-api");
    }
}
