package cn.tierup.reporting;

import cn.tierup.shared.KeptFigures;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 附件3/4's page when its count is kept (as a province's is, whose count takes seconds): here every count is "slow", so
 * the demo town's tables are kept. The page says when they were counted, how long a count takes and when it is
 * renewed; a second visit shows the same count; and a kept count is never handed to someone who may not see the
 * town's figures (the service itself refuses, not only the page's other look-ups).
 */
@IntegrationTest
@TestPropertySource(properties = {"tierup.figures.keep-slower-than=0s", "tierup.figures.renew-after=1h"})
class KeptTablesIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture campaignFixture;
    @Autowired JsonMapper json;
    @Autowired ClassificationTables tables;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aKeptCountIsShownWithItsTimeAndOnlyToThoseWhoMaySeeIt() throws Exception {
        long town = demo.orgId(DemoCity.LICHUN);
        int year = campaignFixture.yearFor(KeptTablesIT.class);
        String created = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rootOrganizationId\": %d, \"year\": %d, \"name\": \"%d年度三分类三升级（统计保留）\"}"
                                .formatted(demo.orgId(DemoCity.CITY), year, year)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long campaign = json.readTree(created).get("id").asLong();

        String page = mvc.perform(get("/grading/tables").param("campaign", "" + campaign).with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"tables-as-of\"", "表中数字为 ", "统计一次约需 1 秒", "结果满 60 分钟后，再打开本页时在后台重新统计");

        signIn("zhen");
        KeptFigures.Kept<ClassificationTables.Both> first = tables.page(campaign, town);
        assertThat(first.slow()).isTrue();
        assertThat(tables.page(campaign, town)).as("the next visit: the kept count").isSameAs(first);

        // a village's secretary may not see the town's figures: refused, though the town's count is kept
        signIn("cun");
        assertThatThrownBy(() -> tables.page(campaign, town)).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/grading/tables").param("campaign", "" + campaign).param("org", "" + town).with(users.as("cun")))
                .andExpect(status().isForbidden());
    }

    void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                users.principal(username), null, users.principal(username).getAuthorities()));
    }
}
