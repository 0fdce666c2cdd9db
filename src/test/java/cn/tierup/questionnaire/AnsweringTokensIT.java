package cn.tierup.questionnaire;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.questionnaire.QuestionnaireIT.answer;
import static cn.tierup.questionnaire.QuestionnaireIT.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An open questionnaire takes one answer per browser: the browser's right to answer is a token the server issued with
 * the form, and nothing else. Works in a past campaign year of its own (its questionnaires are open today by their
 * own dates) and sends from documentation addresses (198.51.100.x) no other class uses.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnsweringTokensIT {

    static final String VILLAGE_TOWN = "中共彭州市隆丰镇委员会";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CampaignFixture campaignFixture;

    long campaign;
    long village;

    @BeforeAll
    void openACampaign() throws Exception {
        int year = campaignFixture.yearFor(AnsweringTokensIT.class);
        long city = id(DemoDataLoader.ROOT_NAME);
        String out = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rootOrganizationId\": " + city + ", \"year\": " + year + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        campaign = json.readTree(out).get("id").asLong();
        village = jdbc.sql("select id from organization where parent_id = :p and field = 'VILLAGE' order by id limit 1")
                .param("p", id(VILLAGE_TOWN)).query(Long.class).single();
    }

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    /** An open questionnaire of the village, open from yesterday for a month. */
    JsonNode launch() throws Exception {
        long template = jdbc.sql("select id from questionnaire_template where code = 'VILLAGE'").query(Long.class).single();
        LocalDate today = LocalDate.now();
        String out = mvc.perform(post("/api/campaigns/" + campaign + "/orgs/" + village + "/questionnaires").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"templateId\": " + template + ", \"mode\": \"OPEN\", \"opensOn\": \"" + today.minusDays(1)
                                + "\", \"closesOn\": \"" + today.plusDays(30) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(out);
    }

    long responses(long questionnaireId) {
        return jdbc.sql("select count(*) from questionnaire_response where questionnaire_id = :q").param("q", questionnaireId)
                .query(Long.class).single();
    }

    long seen(long questionnaireId) {
        return jdbc.sql("select count(*) from questionnaire_seen where questionnaire_id = :q").param("q", questionnaireId)
                .query(Long.class).single();
    }

    /**
     * The finding of issue #11: a script that never loads the form makes up a cookie for every answer. Sixty answers
     * from four addresses (fifteen each, under the per-address limit of 30 a minute) must all be refused.
     */
    @Test
    void aScriptWithMadeUpCookiesGetsNoAnswerIn() throws Exception {
        JsonNode q = launch();
        String slug = q.get("slug").asText();
        int accepted = 0;
        int refused4xx = 0;
        for (int i = 0; i < 60; i++) {
            int code = mvc.perform(answer(slug, i % 2 == 0 ? "MEMBER" : "PUBLIC")
                            .cookie(new Cookie("tq_" + slug, UUID.randomUUID().toString().replace("-", "")))
                            .with(from("198.51.100." + (1 + i % 4))))
                    .andReturn().getResponse().getStatus();
            if (code == 302) {
                accepted++;
            } else if (code >= 400 && code < 500) {
                refused4xx++;
            }
        }
        System.out.println("made-up cookies: " + accepted + " of 60 accepted");
        assertThat(accepted).as("answers accepted with made-up cookies").isZero();
        assertThat(refused4xx).isEqualTo(60);
        assertThat(responses(q.get("id").asLong())).isZero();
        assertThat(seen(q.get("id").asLong())).isZero();
    }
}
