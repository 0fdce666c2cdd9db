package cn.tierup.identity;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.TestDatabases;
import cn.tierup.testsupport.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in the database (Spring Session JDBC), so two instances behind one load balancer serve
 * the same users: two instances on one PostgreSQL, a login on one, the work going on on the other, and
 * a logout on the second ending the session on the first.
 */
class TwoInstancesSessionIT {

    @Test
    void aSessionStartedOnOneInstanceContinuesOnTheOtherAndALogoutEndsItOnBoth() {
        Assumptions.assumeTrue(TestDatabases.postgres(), "two instances share one PostgreSQL: runs in the PostgreSQL pass");
        TestDatabases.Database db = TestDatabases.newDatabase();
        try (ConfigurableApplicationContext a = start(db); ConfigurableApplicationContext b = start(db)) {
            String baseA = "http://localhost:" + port(a);
            String baseB = "http://localhost:" + port(b);
            assertThat(baseA).isNotEqualTo(baseB);
            // The demo city was loaded once, by the first instance; the second found the database filled.
            long roots = b.getBean(JdbcClient.class).sql("select count(*) from organization where name = :n")
                    .param("n", DemoDataLoader.ROOT_NAME).query(Long.class).single();
            assertThat(roots).isEqualTo(1);

            WebClient browser = new WebClient();
            HttpResponse<String> login = browser.login(baseA, "zhen", DemoDataLoader.DEMO_PASSWORD);
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(URI.create(WebClient.location(login)).getPath()).isEqualTo("/");
            String session = browser.cookie("SESSION");
            assertThat(session).isNotBlank();

            HttpResponse<String> onB = browser.get(baseB + "/");
            assertThat(onB.statusCode()).as("instance B knows the session made on A").isEqualTo(200);
            assertThat(onB.body()).contains("李镇书");

            HttpResponse<String> logout = browser.postForm(baseB + "/logout", Map.of("_csrf", WebClient.csrfToken(onB.body())));
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(WebClient.location(logout)).endsWith("/login?logout");

            WebClient oldCookie = new WebClient();
            oldCookie.setCookie("SESSION", session);
            HttpResponse<String> backOnA = oldCookie.get(baseA + "/");
            assertThat(backOnA.statusCode()).as("instance A no longer accepts the ended session").isEqualTo(302);
            assertThat(URI.create(WebClient.location(backOnA)).getPath()).isEqualTo("/login");
        }
    }

    private static ConfigurableApplicationContext start(TestDatabases.Database db) {
        return TestDatabases.startInstance(db);
    }

    private static int port(ConfigurableApplicationContext context) {
        return TestDatabases.port(context);
    }
}
