package cn.tierup.questionnaire;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import jakarta.servlet.http.Cookie;
import cn.tierup.shared.crypto.BrowserTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.questionnaire.QuestionnaireIT.answer;
import static cn.tierup.questionnaire.QuestionnaireIT.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
    @Autowired BrowserTokens tokens;

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

    /** A browser that opens the form: the answering token the server gives it with the page. */
    Cookie browser(String slug) throws Exception {
        return QuestionnaireIT.openForm(mvc, slug);
    }

    long addressRows(long questionnaireId) {
        return jdbc.sql("select count(*) from questionnaire_address where questionnaire_id = :q").param("q", questionnaireId)
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

    @Test
    void aTokenNotIssuedForThisFormIsRefusedAndWritesNothingWhileAnIssuedOneAnswersOnce() throws Exception {
        JsonNode q = launch();
        JsonNode other = launch();
        String slug = q.get("slug").asText();
        long qid = q.get("id").asLong();
        String issued = browser(slug).getValue();
        String altered = issued.substring(0, 5) + (issued.charAt(5) == 'x' ? 'y' : 'x') + issued.substring(6);
        int m = issued.length() - 5;
        String macChanged = issued.substring(0, m) + (issued.charAt(m) == 'x' ? 'y' : 'x') + issued.substring(m + 1);
        String scope = "questionnaire:" + slug;
        List<String> refused = List.of(
                "made-up-cookie",
                altered,
                macChanged,
                browser(other.get("slug").asText()).getValue(),
                tokens.issue(scope, Instant.now().minus(tokens.lifetime()).minusSeconds(60)),
                tokens.issue(scope, Instant.now().plus(Duration.ofHours(1))));
        for (String token : refused) {
            MockHttpServletResponse res = mvc.perform(answer(slug, "MEMBER").param("q11", "我的回答还在")
                    .cookie(new Cookie("tq_" + slug, token)).with(from("198.51.100.10"))).andReturn().getResponse();
            assertThat(res.getStatus()).as(token).isEqualTo(403);
            String page = res.getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("本答题页面已过期或不是从问卷链接打开的").contains("我的回答还在");
            Cookie fresh = res.getCookie("tq_" + slug);
            assertThat(fresh).as("the form comes back with a token of the server's").isNotNull();
            assertThat(tokens.check(scope, fresh.getValue())).isEqualTo(BrowserTokens.Check.VALID);
        }
        assertThat(responses(qid)).isZero();
        assertThat(seen(qid)).isZero();
        assertThat(addressRows(qid)).isZero();

        Cookie browser = new Cookie("tq_" + slug, issued);
        mvc.perform(answer(slug, "MEMBER").cookie(browser).with(from("198.51.100.10"))).andExpect(status().is3xxRedirection());
        mvc.perform(answer(slug, "PUBLIC").cookie(browser).with(from("198.51.100.11")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("已经提交过")));
        assertThat(responses(qid)).isEqualTo(1);
        assertThat(seen(qid)).isEqualTo(1);
        // the answered browser keeps being told so, also once its token is past its lifetime
        mvc.perform(get("/q/" + slug).cookie(browser)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("已经提交过")));
    }

    @Test
    void theOrganiserSeesHowManyAddressesTheAnswersCameFromAndNoAddressIsStored() throws Exception {
        JsonNode q = launch();
        String slug = q.get("slug").asText();
        long qid = q.get("id").asLong();
        String[] from = {"198.51.100.20", "198.51.100.20", "198.51.100.21", "198.51.100.20", "198.51.100.22"};
        for (String address : from) {
            mvc.perform(answer(slug, "PUBLIC").cookie(browser(slug)).with(from(address))).andExpect(status().is3xxRedirection());
        }
        JsonNode view = json.readTree(mvc.perform(get("/api/questionnaires/" + qid).with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(view.get("addresses").get("answers").asLong()).isEqualTo(5);
        assertThat(view.get("addresses").get("addresses").asLong()).isEqualTo(3);
        assertThat(view.get("addresses").get("mostFromOne").asLong()).isEqualTo(3);
        String page = mvc.perform(get("/questionnaires/" + qid).with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("5 份答卷来自 3 个网络地址；同一地址最多 3 份，占 60%").contains("计算方法")
                .contains("只有答题码式能保证每人只答一次");

        // kept: a keyed hash per address (and shard) with a count, nothing else: no address, no time, no answer's id
        List<String> columns = jdbc.sql("select lower(column_name) from information_schema.columns"
                + " where lower(table_name) = 'questionnaire_address'").query(String.class).list();
        assertThat(columns).containsExactlyInAnyOrder("questionnaire_id", "address_hash", "shard", "answers");
        List<String> hashes = jdbc.sql("select address_hash from questionnaire_address where questionnaire_id = :q")
                .param("q", qid).query(String.class).list();
        assertThat(hashes).isNotEmpty().noneMatch(h -> h.contains("198") || h.contains("51.100"));
        long buckets = jdbc.sql("select count(*) from rate_limit_bucket where id like '%198.51%'").query(Long.class).single();
        assertThat(buckets).as("rate-limit buckets name no address").isZero();
    }

    @Test
    void theLaunchFormSaysOnlyCodedModeGuaranteesOneAnswerPerPerson() throws Exception {
        String page = mvc.perform(get("/questionnaires/new").param("campaign", String.valueOf(campaign))
                        .param("org", String.valueOf(village)).with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("只有答题码式能保证每人只答一次").contains("开放式只限制同一浏览器只答一次、同一网络地址每分钟提交的次数");
    }
}
