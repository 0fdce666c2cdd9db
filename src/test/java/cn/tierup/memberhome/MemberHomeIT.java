package cn.tierup.memberhome;

import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.DemoCity;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.tierup.testsupport.DemoCity.CITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The party member {@code dangyuan} on their home: their own village branch in a finished year — its phases ended,
 * its grade, its approved goal, its published 承诺书 and members' pledges, their own 党员公开承诺书 with each item's
 * fulfilment; nothing of the neighbouring village graded and pledging in the same campaign; every write refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberHomeIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired DemoCity demo;
    @Autowired CampaignFixture campaignFixture;
    @Autowired CampaignBootstrap campaigns;
    @Autowired GradingBootstrap grading;
    @Autowired UpgradeBootstrap upgrade;
    @Autowired PledgeBootstrap pledging;
    @Autowired TransactionTemplate tx;

    int year;
    long campaign;
    long village;
    long neighbour;
    long me;
    String neighbourName;
    List<Long> neighbourMembers;

    @BeforeAll
    void aFinishedYearOfTwoVillages() {
        year = campaignFixture.yearFor(getClass());
        BranchYear branches = new BranchYear(campaigns, grading, upgrade, pledging, tx, jdbc);
        village = demo.orgOf("dangyuan");
        long town = jdbc.sql("select parent_id from organization where id = :id").param("id", village).query(Long.class).single();
        neighbour = jdbc.sql("select min(id) from organization where parent_id = :t and kind = 'BRANCH' and field = 'VILLAGE'"
                + " and retired = false and id <> :v").param("t", town).param("v", village).query(Long.class).single();
        neighbourName = demo.orgName(neighbour);
        campaign = branches.campaign(demo.orgId(CITY), year, year + "年度党员之家核查活动");
        List<Long> ours = branches.partyMembers(village, 2);
        me = jdbc.sql("select member_id from account where username = 'dangyuan'").query(Long.class).single();
        assertThat(ours.get(0)).as("the demo's party member pledges in the seeded year").isEqualTo(me);
        branches.seed(campaign, year, village, ours);
        neighbourMembers = branches.partyMembers(neighbour, 2);
        branches.seed(campaign, year, neighbour, neighbourMembers);
    }

    JsonNode homeOf(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.with(users.as("dangyuan"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    @Test
    void theMemberSeesTheirBranchsPhaseGradeApprovedGoalPublishedPledgesAndTheirOwnPledge() throws Exception {
        JsonNode home = homeOf(get("/api/member/home").param("campaign", "" + campaign));
        assertThat(home.get("organizationId").asLong()).isEqualTo(village);
        assertThat(home.get("memberName").asString())
                .isEqualTo(jdbc.sql("select name from member where id = :id").param("id", me).query(String.class).single());
        assertThat(home.get("campaign").get("year").asInt()).isEqualTo(year);
        assertThat(home.get("campaign").get("finished").asBoolean()).as("a year long past has ended").isTrue();
        assertThat(home.get("campaign").get("status").get("ACCEPTANCE").asString()).isEqualTo("ENDED");
        assertThat(home.get("years").findValuesAsString("year")).contains(String.valueOf(year));
        assertThat(home.get("grading").get("decided").get("level").asString()).isEqualTo("ADVANCED");
        assertThat(home.get("goal").get("statement").asString()).isEqualTo("巩固提高，争创市级先进基层党组织");
        assertThat(home.get("goal").get("measures")).hasSize(2);
        JsonNode pledges = home.get("pledges");
        assertThat(pledges.get("slug").asString()).isNotBlank();
        assertThat(pledges.get("organisation").get("goal").asString()).isEqualTo("围绕争创目标，为群众办好实事");
        assertThat(pledges.get("members")).hasSize(2);
        JsonNode own = pledges.get("own");
        assertThat(own.get("memberId").asLong()).isEqualTo(me);
        assertThat(own.get("items")).isNotEmpty();
        for (JsonNode item : own.get("items")) {
            assertThat(item.get("status").asString()).as("each item says how far it is fulfilled").isIn("FULFILLED", "IN_PROGRESS");
        }

        // the page: the same, in Chinese, read-only
        String page = mvc.perform(get("/").param("campaign", "" + campaign).with(users.as("dangyuan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(demo.orgName(village), "活动已结束", "上级评定等次", "巩固提高，争创市级先进基层党组织",
                "围绕争创目标，为群众办好实事", "我的党员公开承诺书", "已兑现");
        assertThat(page).doesNotContain(neighbourName, "<form method=\"post\"", "还没有开启任何年度的活动");
    }

    @Test
    void withoutAChoiceTheHomeOpensTheBranchsLatestCampaignNotANotice() throws Exception {
        JsonNode home = homeOf(get("/api/member/home"));
        assertThat(home.get("campaign").isNull()).as("a campaign reaches the branch").isFalse();
        String page = mvc.perform(get("/").with(users.as("dangyuan"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("支部本阶段的工作", home.get("campaign").get("name").asString())
                .doesNotContain("还没有开启任何年度的活动");
    }

    @Test
    void theMemberSeesNothingOfAnotherBranch() throws Exception {
        for (long other : List.of(neighbour, demo.orgOf("zhen"), demo.orgId(CITY))) {
            String body = mvc.perform(get("/api/member/home").param("org", "" + other).param("campaign", "" + campaign)
                            .with(users.as("dangyuan"))).andExpect(status().isForbidden()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).doesNotContain(neighbourName);
        }
        // a campaign the branch takes no part in (rooted at another town) is not there for it
        long otherTown = jdbc.sql("select min(id) from organization where parent_id = :c and field = 'TOWN' and id <> :t")
                .param("c", demo.orgId(CITY)).param("t", demo.orgOf("zhen")).query(Long.class).single();
        long elsewhere = new BranchYear(campaigns, grading, upgrade, pledging, tx, jdbc).campaign(otherTown, year, "他镇活动");
        mvc.perform(get("/api/member/home").param("campaign", "" + elsewhere).with(users.as("dangyuan")))
                .andExpect(status().isNotFound());
        // and the neighbour's pledges and members never appear on the own branch's view
        String mine = mvc.perform(get("/api/member/home").param("campaign", "" + campaign).with(users.as("dangyuan")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).doesNotContain(neighbourName);
        JsonNode members = json.readTree(mine).get("pledges").get("members");
        for (JsonNode p : members) {
            assertThat(neighbourMembers).doesNotContain(p.get("memberId").asLong());
        }
        // the office's home is not a member's: no permission, 403
        mvc.perform(get("/api/member/home").with(users.as("cun"))).andExpect(status().isForbidden());
    }

    @Test
    void everyWriteIsRefusedAndNothingChanges() throws Exception {
        long pledge = jdbc.sql("select p.id from pledge p join pledge_board b on b.id = p.board_id where b.campaign_id = :c"
                + " and b.organization_id = :o and p.member_id = :m").param("c", campaign).param("o", village).param("m", me)
                .query(Long.class).single();
        String before = state();
        List<MockHttpServletRequestBuilder> writes = List.of(
                put("/api/upgrade/goals/{c}/{o}", campaign, village).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"statement\": \"党员改写的目标\", \"measures\": [], \"version\": 0}"),
                post("/api/upgrade/goals/{c}/{o}/submit", campaign, village).contentType(MediaType.APPLICATION_JSON).content("{}"),
                put("/api/pledges/{c}/{o}/members/{m}", campaign, village, me).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [\"党员自己改写\"], \"showName\": true}"),
                post("/api/pledges/{id}/items/{n}", pledge, 1).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"NOT_FULFILLED\", \"evidence\": \"党员自己改写\"}"),
                post("/api/pledges/{c}/{o}/publish", campaign, village),
                post("/api/orgs/{id}/members", village).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"党员自己添加\","
                        + " \"sex\": \"FEMALE\", \"category\": \"ACTIVIST\", \"activistOn\": \"2024-05-01\", \"birthDate\": \"1996-04-12\","
                        + " \"retired\": false, \"floating\": false, \"inDifficulty\": false}"),
                put("/api/orgs/{id}", village).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"organization\": {\"name\": \"党员改名\", \"kind\": \"BRANCH\", \"field\": \"VILLAGE\"}}"));
        for (MockHttpServletRequestBuilder w : writes) {
            mvc.perform(w.with(csrf()).with(users.as("dangyuan"))).andExpect(status().isForbidden());
        }
        assertThat(state()).isEqualTo(before);
    }

    /** The branch's goal, pledges, items and roll, with their versions: a write shows here. */
    String state() {
        return jdbc.sql("select (select count(*) + sum(version) from upgrade_goal where organization_id = :o)"
                        + " || '/' || (select count(*) + sum(p.version) from pledge p join pledge_board b on b.id = p.board_id"
                        + " where b.organization_id = :o)"
                        + " || '/' || (select count(*) from pledge_item i join pledge p on p.id = i.pledge_id"
                        + " join pledge_board b on b.id = p.board_id where b.organization_id = :o and i.status = 'NOT_FULFILLED')"
                        + " || '/' || (select count(*) from member where organization_id = :o)"
                        + " || '/' || (select name || version from organization where id = :o)")
                .param("o", village).query(String.class).single();
    }
}
