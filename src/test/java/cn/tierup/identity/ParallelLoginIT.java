package cn.tierup.identity;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integration calling the API from several threads with one account's HTTP Basic credentials, while the
 * operator checks health: every request authenticates, so authenticating must not contend on the account's row.
 */
@IntegrationTest
class ParallelLoginIT {

    static final int THREADS = 8;
    static final int API_REQUESTS = 200;
    static final int HEALTH_CHECKS = 40;
    static final String PASSWORD = "Parallel2026pass";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    String base() {
        return "http://localhost:" + port;
    }

    /** An account of its own at the agriculture bureau, so no demo account's row is what the test measures. */
    long newAccount(String username) {
        long bureau = jdbc.sql("select organization_id from account where username = 'nyj'").query(Long.class).single();
        String body = """
                {"username": "%s", "displayName": "并发测试接口", "organizationId": %d, "role": "BRANCH", "password": "%s"}
                """.formatted(username, bureau, PASSWORD);
        HttpResponse<String> created = new WebClient().postJsonBasic(base() + "/api/accounts", body, "admin",
                DemoDataLoader.DEMO_PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    @Test
    void eightThreadsOfOneAccountAndTheHealthCheckBesideThemAreAllAnswered200() throws Exception {
        long id = newAccount("parallel-api");
        long versionBefore = version(id);
        LocalDateTime started = LocalDateTime.now().withNano(0);

        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < API_REQUESTS; i++) {
            String path = i % 2 == 0 ? "/api/me" : "/api/orgs/summary";
            calls.add(() -> path + " " + new WebClient().getBasic(base() + path, "parallel-api", PASSWORD).statusCode());
        }
        for (int i = 0; i < HEALTH_CHECKS; i++) {
            // spread among the API calls so the check runs while they authenticate
            calls.add(i * (API_REQUESTS / HEALTH_CHECKS), () -> "/actuator/health "
                    + new WebClient().getBasic(base() + "/actuator/health", "admin", DemoDataLoader.DEMO_PASSWORD)
                    .statusCode());
        }

        Map<String, Integer> answers = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            for (Future<String> answer : pool.invokeAll(calls)) {
                answers.merge(answer.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }

        long serverErrors = answers.entrySet().stream().filter(e -> e.getKey().matches(".* 5\\d\\d"))
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(serverErrors).as("5xx among %d requests: %s", calls.size(), answers).isZero();
        assertThat(answers).as("every request answered 200").containsOnly(
                Map.entry("/api/me 200", API_REQUESTS / 2),
                Map.entry("/api/orgs/summary 200", API_REQUESTS / 2),
                Map.entry("/actuator/health 200", HEALTH_CHECKS));

        // the accounts page still shows the last login, and logging in did not count as an edit of the account
        LocalDateTime lastLogin = jdbc.sql("select last_login_at from account where id = ?").param(id)
                .query(LocalDateTime.class).single();
        assertThat(lastLogin).isAfterOrEqualTo(started);
        assertThat(version(id)).as("an administrator's open edit form stays valid").isEqualTo(versionBefore);
    }

    long version(long id) {
        return jdbc.sql("select version from account where id = ?").param(id).query(Long.class).single();
    }
}
