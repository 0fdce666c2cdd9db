package cn.tierup.campaign;

import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A phase is 未开始, 进行中 or 已结束 by its dates, and a campaign whose 总结验收 has ended says 已结束 — a year on,
 * it no longer claims "当前：总结验收 进行中". Works on 葛仙山镇 in {@link CampaignFixture#OWN_TOWN_YEAR} (long past; no other class roots a campaign
 * there in that year) and in a year to come.
 */
@IntegrationTest
class CampaignPhasesIT {

    static final String TOWN = "中共彭州市葛仙山镇委员会";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired DemoCity city;
    @Autowired JsonMapper json;

    JsonNode open(int year) throws Exception {
        var r = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("rootOrganizationId", city.orgId(TOWN), "year", year)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    String page(long id) throws Exception {
        return mvc.perform(get("/campaigns/" + id).with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCampaignOfAnEarlierYearHasEndedAndOneToComeHasNotStarted() throws Exception {
        JsonNode past = open(CampaignFixture.OWN_TOWN_YEAR);
        assertThat(past.get("finished").asBoolean()).isTrue();
        for (Phase p : Phase.values()) {
            assertThat(past.get("status").get(p.name()).asText()).as(p.name()).isEqualTo("ENDED");
        }
        String shown = page(past.get("id").asLong());
        assertThat(shown).contains("id=\"campaign-state\"").containsPattern("id=\"campaign-state\"[^>]*>已结束<")
                .doesNotContain("进行中").doesNotContain("当前：");
        assertThat(shown.split("已结束", -1).length - 1).as("the campaign and its four phases").isGreaterThanOrEqualTo(5);
        String home = mvc.perform(get("/").param("campaign", past.get("id").asText()).with(users.as("gexianshan")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).as("the town's home page in that campaign").contains(past.get("name").asText())
                .containsPattern("id=\"desk-phase\"[^>]*>活动已结束<").doesNotContain("当前阶段：");

        int later = LocalDate.now().getYear() + 60;
        JsonNode coming = open(later);
        assertThat(coming.get("finished").asBoolean()).isFalse();
        for (Phase p : Phase.values()) {
            assertThat(coming.get("status").get(p.name()).asText()).as(p.name()).isEqualTo("NOT_STARTED");
        }
        assertThat(page(coming.get("id").asLong())).containsPattern("id=\"campaign-state\"[^>]*>尚未开始<")
                .contains("未开始（可调整）").doesNotContain("已结束");

        String list = mvc.perform(get("/campaigns").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("已结束");
    }
}
