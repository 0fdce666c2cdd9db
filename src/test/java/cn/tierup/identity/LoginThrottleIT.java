package cn.tierup.identity;

import cn.tierup.identity.internal.LoginThrottle;
import cn.tierup.identity.internal.LoginThrottles;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.testsupport.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Wrong passwords slow down the one who types them, not the account's owner elsewhere: held back per account and
 * address, with an account-wide budget for a guess spread over many addresses, the same answers whether the name
 * exists or not, and the administrator told. Each test uses its own accounts and its own range of addresses.
 */
@IntegrationTest
class LoginThrottleIT {

    static final String RIGHT = "Right2026pass";
    /** Wrong passwords an account and address may make before they have to wait. */
    static final int FREE_PER_ADDRESS = 5;
    /** Wrong passwords against one account from all addresses before addresses it never signed in from wait. */
    static final int ACCOUNT_WIDE = 20;

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired LoginThrottle throttle;
    @Autowired LoginThrottles store;
    @LocalServerPort int port;

    /** What a client sees of an answer to a login: everything but the session cookie's value. */
    record Answer(int status, String location, String body, String retryAfter, String authenticate, String contentType) {
        static Answer of(MockHttpServletResponse r) throws Exception {
            return new Answer(r.getStatus(), r.getRedirectedUrl(), r.getContentAsString(StandardCharsets.UTF_8),
                    r.getHeader("Retry-After"), r.getHeader("WWW-Authenticate"), r.getContentType());
        }
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    long newAccount(String username, boolean enabled) throws Exception {
        long village = jdbc.sql("select organization_id from account where username = 'cun'").query(Long.class).single();
        String body = """
                {"username": "%s", "displayName": "限流测试%s", "organizationId": %d, "role": "BRANCH", "password": "%s", "enabled": %s}
                """.formatted(username, username, village, RIGHT, enabled);
        MockHttpServletResponse r = mvc.perform(post("/api/accounts").with(users.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
    }

    Answer api(String username, String password, String address) throws Exception {
        return Answer.of(mvc.perform(get("/api/me").with(httpBasic(username, password)).with(from(address)))
                .andReturn().getResponse());
    }

    Answer form(String username, String password, String address) throws Exception {
        return Answer.of(mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(from(address))).andReturn().getResponse());
    }

    @Test
    void anAttackersWrongPasswordsFromOneAddressDoNotStopTheUserFromAnother() throws Exception {
        newAccount("thr-victim", true);
        for (int i = 1; i <= FREE_PER_ADDRESS; i++) {
            assertThat(api("thr-victim", "Wrong2026pass" + i, "10.11.0.5").status()).as("wrong password " + i).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            Answer held = api("thr-victim", "Wrong2026pass", "10.11.0.5");
            assertThat(held.status()).as("the attacker's address waits").isEqualTo(429);
            assertThat(held.body()).contains("登录尝试过于频繁");
            assertThat(Long.parseLong(held.retryAfter())).isPositive();
        }
        assertThat(api("thr-victim", RIGHT, "10.11.0.5").status()).as("not even the right password is tried from there")
                .isEqualTo(429);
        Answer page = form("thr-victim", RIGHT, "10.11.0.5");
        assertThat(page.location()).startsWith("/login?error=throttled");
        String text = mvc.perform(get(page.location())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("登录尝试过于频繁");

        assertThat(api("thr-victim", RIGHT, "10.11.0.6").status()).as("the owner from another address").isEqualTo(200);
        assertThat(form("thr-victim", RIGHT, "10.11.0.6").location()).as("the owner's login page").isEqualTo("/");
        assertThat(api("thr-victim", "Wrong2026pass", "10.11.0.5").status()).as("the owner did not free the attacker")
                .isEqualTo(429);
    }

    @Test
    void theAdministratorIsNotLockedOutByStrangers() throws Exception {
        for (int i = 1; i <= FREE_PER_ADDRESS + 3; i++) {
            api("admin", "Guess2026pass" + i, "10.12.0.9");
        }
        assertThat(api("admin", cn.tierup.setup.DemoDataLoader.DEMO_PASSWORD, "10.12.0.10").status()).isEqualTo(200);
        assertThat(api("admin", cn.tierup.setup.DemoDataLoader.DEMO_PASSWORD, "10.12.0.9").status()).isEqualTo(429);
    }

    @Test
    void unknownAndKnownNamesGetTheSameAnswersInEveryState() throws Exception {
        newAccount("thr-known", true);
        newAccount("thr-off", false);
        String unknown = "thr-nobody";
        // from fresh, through the free wrong passwords, to held back, on both doors
        for (int i = 1; i <= FREE_PER_ADDRESS + 2; i++) {
            String step = "attempt " + i;
            Answer known = api("thr-known", "Wrong2026pass", "10.13.0.1");
            assertThat(api(unknown, "Wrong2026pass", "10.13.0.2")).as(step + " API, unknown name").isEqualTo(known);
            assertThat(api("thr-off", "Wrong2026pass", "10.13.0.3")).as(step + " API, disabled account").isEqualTo(known);
            Answer page = form("thr-known", "Wrong2026pass", "10.13.1.1");
            assertThat(form(unknown, "Wrong2026pass", "10.13.1.2")).as(step + " form, unknown name").isEqualTo(page);
            assertThat(form("thr-off", "Wrong2026pass", "10.13.1.3")).as(step + " form, disabled account").isEqualTo(page);
        }
        // held back: the right password changes nothing
        assertThat(api("thr-known", RIGHT, "10.13.0.1")).isEqualTo(api(unknown, RIGHT, "10.13.0.2"));
        assertThat(form("thr-known", RIGHT, "10.13.1.1")).isEqualTo(form(unknown, RIGHT, "10.13.1.2"));

        // the account-wide budget spent from many addresses: a new address is answered alike too
        for (String name : List.of("thr-known", unknown)) {
            for (int a = 1; a <= ACCOUNT_WIDE; a++) {
                api(name, "Wrong2026pass", "10.13.2." + a);
            }
        }
        assertThat(api("thr-known", "Wrong2026pass", "10.13.3.1")).isEqualTo(api(unknown, "Wrong2026pass", "10.13.3.1"));
        assertThat(form("thr-known", RIGHT, "10.13.3.2")).isEqualTo(form(unknown, RIGHT, "10.13.3.2"));
    }

    @Test
    void aGuessSpreadOverManyAddressesIsStillBoundedButTheOwnersKnownAddressGetsIn() throws Exception {
        newAccount("thr-spread", true);
        assertThat(api("thr-spread", RIGHT, "10.14.0.1").status()).as("the owner's usual address").isEqualTo(200);

        Map<Integer, Integer> answers = new TreeMap<>();
        for (int a = 1; a <= 40; a++) {
            for (int i = 0; i < 2; i++) {
                answers.merge(api("thr-spread", "Wrong2026pass" + i, "10.14.1." + a).status(), 1, Integer::sum);
            }
        }
        System.out.println("LoginThrottleIT spread over 40 addresses: " + answers);
        assertThat(answers.getOrDefault(401, 0)).as("guesses answered among 80 from 40 addresses: %s", answers)
                .isLessThanOrEqualTo(ACCOUNT_WIDE);
        assertThat(answers.get(429)).as("the rest wait").isEqualTo(80 - answers.getOrDefault(401, 0));
        assertThat(api("thr-spread", RIGHT, "10.14.2.1").status()).as("an address it never signed in from waits")
                .isEqualTo(429);
        assertThat(api("thr-spread", RIGHT, "10.14.0.1").status()).as("the owner's usual address").isEqualTo(200);
        assertThat(form("thr-spread", RIGHT, "10.14.0.1").location()).isEqualTo("/");
    }

    @Test
    void theAdministratorSeesWhoIsGuessingFromWhereOnTheHomePageAndInTheAuditTrailAndClearsIt() throws Exception {
        long id = newAccount("thr-watched", true);
        for (String address : List.of("10.15.0.1", "10.15.0.2")) {
            for (int i = 1; i <= FREE_PER_ADDRESS; i++) {
                assertThat(api("thr-watched", "Wrong2026pass" + i, address).status()).isEqualTo(401);
            }
        }
        String home = mvc.perform(get("/").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("thr-watched", "限流测试thr-watched", "10.15.0.1", "10.15.0.2", "10 次");
        assertThat(mvc.perform(get("/").with(users.as("cun"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).as("a branch does not manage accounts").doesNotContain("thr-watched");

        List<String> trail = List.of();
        for (int wait = 0; wait < 100 && trail.isEmpty(); wait++) {
            trail = jdbc.sql("select actor || '|' || action || '|' || summary from audit_entry"
                            + " where entity_type = 'Account' and entity_id = :id and action = 'LOGIN_FAILURES'")
                    .param("id", String.valueOf(id)).query(String.class).list();
            if (trail.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(trail).singleElement().asString().contains("thr-watched", "10.15.0.1", "10.15.0.2", "10 次");

        assertThat(mvc.perform(post("/api/accounts/" + id + "/unlock").with(users.as("admin"))).andReturn().getResponse()
                .getStatus()).isEqualTo(204);
        assertThat(api("thr-watched", RIGHT, "10.15.0.1").status()).as("the address may try again").isEqualTo(200);
        assertThat(mvc.perform(get("/").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("thr-watched");
    }

    @Test
    void aBurstOfParallelGuessesFromOneAddressGetsNoMoreAnswersThanTheFreeOnes() throws Exception {
        newAccount("thr-burst", true);
        String base = "http://localhost:" + port;
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String password = "Burst2026pass" + i;
            calls.add(() -> {
                HttpResponse<String> r = new WebClient().login(base, "thr-burst", password);
                String location = URI.create(WebClient.location(r)).getRawQuery();
                return location == null ? "none" : location.replaceAll("&.*", "");
            });
        }
        Map<String, Integer> answers = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> f : pool.invokeAll(calls)) {
                answers.merge(f.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("LoginThrottleIT burst of 24 from one address: " + answers);
        assertThat(answers.getOrDefault("error=bad", 0)).as("guesses answered: %s", answers)
                .isEqualTo(FREE_PER_ADDRESS);
        assertThat(answers.keySet()).isSubsetOf("error=bad", "error=throttled");
    }

    @Test
    void theThrottleStateIsPurgedOnceTheRuleNoLongerNeedsItAndNeverExceedsItsCap() throws Exception {
        for (int i = 1; i <= 30; i++) {
            api("thr-gone-" + i, "Wrong2026pass", "10.16.0." + i);
        }
        for (int i = 1; i <= 10; i++) {
            api("thr-cap-" + i, "Wrong2026pass", "10.16.1." + i);
        }
        newAccount("thr-kept", true);
        assertThat(api("thr-kept", RIGHT, "10.16.2.1").status()).isEqualTo(200);
        assertThat(rows("thr-gone-%")).as("a row per name and address, and per name").isEqualTo(60);

        // two hours on: the wrong passwords are forgotten; the right sign-in still makes its address known
        LocalDateTime twoHoursAgo = LocalDateTime.now().minusHours(2);
        jdbc.sql("update login_throttle set first_failure_at = :t, last_failure_at = :t, next_attempt_at = :t,"
                        + " touched_at = :t where username like 'thr-gone-%' or username = 'thr-kept'")
                .param("t", Timestamp.valueOf(twoHoursAgo)).update();
        jdbc.sql("update login_throttle set last_success_at = :t where username = 'thr-kept'")
                .param("t", Timestamp.valueOf(twoHoursAgo)).update();
        // half an hour on: still counted; and made the least recently touched of all rows
        LocalDateTime halfAnHourAgo = LocalDateTime.now().minusMinutes(30);
        jdbc.sql("update login_throttle set first_failure_at = :t, last_failure_at = :t, next_attempt_at = :t,"
                        + " touched_at = :oldest where username like 'thr-cap-%'")
                .param("t", Timestamp.valueOf(halfAnHourAgo))
                .param("oldest", Timestamp.valueOf(LocalDateTime.now().minusDays(3))).update();

        throttle.purge(LocalDateTime.now());
        assertThat(rows("thr-gone-%")).as("forgotten").isZero();
        assertThat(rows("thr-cap-%")).as("still counted").isEqualTo(20);
        assertThat(rows("thr-kept")).as("the known address").isEqualTo(1);

        long before = store.count();
        int cap = (int) before - 20;
        LocalDateTime now = LocalDateTime.now();
        store.purge(now.minusHours(1), now.minusDays(30), now, cap);
        assertThat(store.count()).isLessThanOrEqualTo(cap);
        assertThat(rows("thr-cap-%")).as("the least recently touched go first").isZero();
        assertThat(api("thr-kept", RIGHT, "10.16.2.1").status()).isEqualTo(200);
    }

    long rows(String namePattern) {
        return jdbc.sql("select count(*) from login_throttle where username like :p").param("p", namePattern)
                .query(Long.class).single();
    }

    @Test
    void anAddressNamedInXForwardedForIsNotBelievedByDefault() throws Exception {
        newAccount("thr-forged", true);
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("thr-forged:Wrong2026pass".getBytes(StandardCharsets.UTF_8));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= FREE_PER_ADDRESS + 2; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                    .header("Authorization", auth).header("X-Forwarded-For", "198.51.100." + i).GET().build();
            statuses.add(http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertThat(statuses.subList(FREE_PER_ADDRESS, statuses.size())).as("all %s came from 127.0.0.1", statuses)
                .containsOnly(429);
    }
}
