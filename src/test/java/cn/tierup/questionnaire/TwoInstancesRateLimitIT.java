package cn.tierup.questionnaire;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.TestDatabases;
import cn.tierup.testsupport.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limit of answers (30 a minute) holds for all instances behind a load balancer together: two
 * instances on one database (an in-memory H2 both reach in this JVM, or one PostgreSQL), browsers from one address
 * opening the form and answering on one instance or the other by turns. With a limit kept in each instance's memory
 * the two admitted 30 each.
 */
class TwoInstancesRateLimitIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void twoInstancesOnOneDatabaseAdmitNoMoreAnswersFromOneAddressThanTheLimit() {
        TestDatabases.Database db = TestDatabases.newDatabase();
        try (ConfigurableApplicationContext a = start(db); ConfigurableApplicationContext b = start(db)) {
            List<String> bases = List.of("http://127.0.0.1:" + port(a), "http://127.0.0.1:" + port(b));
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            long city = jdbc.sql("select id from organization where name = :n").param("n", DemoDataLoader.ROOT_NAME)
                    .query(Long.class).single();
            long village = jdbc.sql("select id from organization where field = 'VILLAGE' order by id limit 1").query(Long.class).single();
            long template = jdbc.sql("select id from questionnaire_template where code = 'VILLAGE'").query(Long.class).single();
            WebClient office = new WebClient();
            JsonNode campaign = created(office.postJsonBasic(bases.get(0) + "/api/campaigns",
                    "{\"rootOrganizationId\": " + city + ", \"year\": 2001}", "admin", DemoDataLoader.DEMO_PASSWORD));
            LocalDate today = LocalDate.now();
            JsonNode q = created(office.postJsonBasic(bases.get(1) + "/api/campaigns/" + campaign.get("id").asLong() + "/orgs/"
                            + village + "/questionnaires",
                    "{\"templateId\": " + template + ", \"mode\": \"OPEN\", \"opensOn\": \"" + today.minusDays(1)
                            + "\", \"closesOn\": \"" + today.plusDays(30) + "\"}", "admin", DemoDataLoader.DEMO_PASSWORD));
            String slug = q.get("slug").asText();

            int accepted = 0;
            int tooFast = 0;
            for (int i = 0; i < 40; i++) {
                String base = bases.get(i % 2);
                WebClient phone = new WebClient();
                assertThat(phone.get(base + "/q/" + slug).statusCode()).isEqualTo(200);
                assertThat(phone.cookie("tq_" + slug)).as("the form gives an answering token").isNotNull();
                int status = phone.postForm(base + "/q/" + slug, answer()).statusCode();
                if (status == 302) {
                    accepted++;
                } else if (status == 429) {
                    tooFast++;
                }
            }
            long stored = jdbc.sql("select count(*) from questionnaire_response where questionnaire_id = :q")
                    .param("q", q.get("id").asLong()).query(Long.class).single();
            assertThat(accepted).as("answers from 127.0.0.1 taken by the two instances together").isEqualTo(30);
            assertThat(tooFast).isEqualTo(10);
            assertThat(stored).isEqualTo(30);
        }
    }

    private static Map<String, String> answer() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("category", "PUBLIC");
        for (String key : List.of("q1", "q2", "q3", "q4", "q5", "q6", "q8", "q9", "q10")) {
            form.put(key, "0");
        }
        return form;
    }

    private static JsonNode created(HttpResponse<String> res) {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        return JSON.readTree(res.body());
    }

    private static ConfigurableApplicationContext start(TestDatabases.Database db) {
        return TestDatabases.startInstance(db, "--tierup.demo.campaign=false", "--tierup.security.bcrypt-strength=4");
    }

    private static int port(ConfigurableApplicationContext context) {
        return TestDatabases.port(context);
    }
}
