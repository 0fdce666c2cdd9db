package cn.tierup.web;

import cn.tierup.organization.OrganizationRow;
import cn.tierup.organization.OrganizationService;
import cn.tierup.organization.OrganizationView;
import cn.tierup.pledge.internal.PledgeFigurePages;
import cn.tierup.reporting.ClassificationTables;
import cn.tierup.shared.KeptFigures;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Pages whose counts are kept when counting is slow (a province's, over 100,000 organisations and 2,000,000 members):
 * here every count is "slow", so the demo's are kept. Each page says when its figures were counted, how long a count
 * takes and when it is renewed; a second visit shows the same count; and a kept count is never handed to someone who
 * may not see the organisation's figures (the service itself refuses, not only the page's other look-ups).
 */
@IntegrationTest
// the same settings as WideScopeLaneIT's, so that the two share one application context
@TestPropertySource(properties = {"tierup.figures.keep-slower-than=0s", "tierup.figures.renew-after=1h",
        "tierup.pages.wide-scope-organisations=100"})
class KeptCountsIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture campaignFixture;
    @Autowired JsonMapper json;
    @Autowired ClassificationTables tables;
    @Autowired PledgeFigurePages pledgeFigures;
    @Autowired cn.tierup.reporting.SurveySummaryTable surveyTable;
    @Autowired OrganizationService organizations;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aKeptCountIsShownWithItsTimeAndOnlyToThoseWhoMaySeeIt() throws Exception {
        long town = demo.orgId(DemoCity.LICHUN);
        int year = campaignFixture.yearFor(KeptCountsIT.class);
        String created = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rootOrganizationId\": %d, \"year\": %d, \"name\": \"%d年度三分类三升级（统计保留）\"}"
                                .formatted(demo.orgId(DemoCity.CITY), year, year)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long campaign = json.readTree(created).get("id").asLong();

        KeptFigures.Kept<ClassificationTables.Both> classification = keptPage("/grading/tables", "tables-as-of", campaign,
                town, () -> tables.page(campaign, town));
        assertThat(classification.value().summary().unitTotal().total()).as("every organisation the town grades").isPositive();
        keptPage("/pledges/overview", "pledges-as-of", campaign, town, () -> pledgeFigures.page(campaign, town));
        KeptFigures.Kept<cn.tierup.survey.SurveyFigures.Summary> survey = keptPage("/survey/summary", "survey-as-of",
                campaign, town, () -> surveyTable.page(campaign, town));
        assertThat(survey.value().total().organizations()).as("附件2: the town and every organisation under it")
                .isEqualTo(jdbc.sql("select count(*) from organization where retired = false and path like"
                                + " (select path from organization where id = :id) || '%'").param("id", town)
                        .query(Long.class).single());
    }

    /**
     * One page of an organisation's kept figures: its page says when they were counted, how long a count takes and
     * when it is renewed; the next visit gets the same count; a village's secretary is refused the town's figures,
     * by the service itself and by the page, though they are kept.
     */
    <V> KeptFigures.Kept<V> keptPage(String url, String asOfId, long campaign, long org,
                                     java.util.function.Supplier<KeptFigures.Kept<V>> service) throws Exception {
        String page = mvc.perform(get(url).param("campaign", "" + campaign).param("org", "" + org).with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as(url).contains("id=\"" + asOfId + "\"", "表中数字为 ", "统计一次约需 1 秒",
                "结果满 60 分钟后，再打开本页时在后台重新统计");
        signIn("zhen");
        KeptFigures.Kept<V> first = service.get();
        assertThat(first.slow()).isTrue();
        assertThat(service.get()).as(url + ", the next visit: the kept count").isSameAs(first);
        signIn("cun");
        assertThatThrownBy(service::get).as(url).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get(url).param("campaign", "" + campaign).param("org", "" + org).with(users.as("cun")))
                .andExpect(status().isForbidden());
        SecurityContextHolder.clearContext();
        return first;
    }

    /** The tree's, an organisation's and the home page's member counts, kept: the same as 附件3/4's above. */
    @Test
    void theTreesKeptMemberCountsSayWhenTheyWereCountedAndStayInScope() throws Exception {
        long city = demo.orgId(DemoCity.CITY);
        long town = demo.orgId(DemoCity.LICHUN);
        long townMembers = jdbc.sql("select count(*) from member m join organization s on s.id = m.organization_id"
                        + " join organization t on s.path like t.path || '%' where t.id = :town and s.retired = false"
                        + " and m.status = 'ACTIVE' and m.category in ('FULL', 'PROBATIONARY')")
                .param("town", town).query(Long.class).single();
        assertThat(townMembers).as("the demo town has members under it").isPositive();

        String tree = mvc.perform(get("/orgs").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tree).contains("id=\"members-as-of\"", "id=\"search-as-of\"", "含下级的党员人数为 ", "统计一次约需 1 秒",
                "结果满 60 分钟后，再打开本页时在后台重新统计");
        String home = mvc.perform(get("/").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("id=\"summary-as-of\"", "以上数字为 ").doesNotContain("以上数字由系统按党组织和党员名册实时统计");
        String detail = mvc.perform(get("/orgs/" + town).with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("id=\"members-as-of\"", "含下级的党员人数为 ");
        String level = mvc.perform(get("/orgs/" + town + "/children").with(users.as("zhen")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(level).as("a level unfolded in the tree").contains("level-as-of", "含下级的党员人数为 ");

        signIn("admin");
        KeptFigures.Kept<List<OrganizationRow>> cities = organizations.childrenCounted(city, false);
        assertThat(cities.slow()).isTrue();
        assertThat(cities.value()).filteredOn(r -> r.id() == town).singleElement()
                .extracting(OrganizationRow::subtreeMemberCount).isEqualTo(townMembers);
        signIn("zhen");
        KeptFigures.Kept<OrganizationView> first = organizations.getCounted(town);
        assertThat(first.slow()).isTrue();
        assertThat(first.value().subtreeMemberCount()).isEqualTo(townMembers);
        assertThat(organizations.getCounted(town).at()).as("the next visit: the kept count").isEqualTo(first.at());
        assertThat(organizations.get(town).subtreeMemberCount()).isEqualTo(townMembers);
        assertThat(organizations.summaryCounted(town).value().partyMembers()).isEqualTo(townMembers);

        // a village's secretary may not see the town's figures: refused, though they are kept
        signIn("cun");
        assertThatThrownBy(() -> organizations.getCounted(town)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organizations.childrenCounted(town, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organizations.summaryCounted(town)).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/orgs/" + town).with(users.as("cun"))).andExpect(status().isForbidden());
    }

    void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                users.principal(username), null, users.principal(username).getAuthorities()));
    }
}
