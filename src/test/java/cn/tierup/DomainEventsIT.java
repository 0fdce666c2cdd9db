package cn.tierup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeDecided;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.organization.MemberTransferred;
import cn.tierup.organization.OrganizationMoved;
import cn.tierup.organization.OrganizationRetired;
import cn.tierup.testsupport.CampaignFixture;
import cn.tierup.testsupport.IntegrationTest;
import cn.tierup.testsupport.TestUsers;
import cn.tierup.upgrade.internal.DecidedGrades;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facts other modules react to are announced where they happen, once; upgrade's copy of decided
 * grades is there when the call that decided returns, pledge's reaction to a retirement follows on its
 * own time; nothing stays undelivered in the event publication registry.
 */
@IntegrationTest
@RecordApplicationEvents
class DomainEventsIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired ApplicationEvents events;
    @Autowired GradingBootstrap grading;
    @Autowired DecidedGrades decidedGrades;
    @Autowired TransactionTemplate tx;
    @Autowired CampaignBootstrap campaigns;

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    String path(long id) {
        return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
    }

    JsonNode post(String url, String body) throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                        .with(users.as("admin")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString());
    }

    /**
     * This class's own campaign, rooted at 丽春镇 (no other class roots one there in {@link CampaignFixture#OWN_TOWN_YEAR}),
     * opened by the first test that needs it.
     */
    long campaign() {
        long town = id("中共彭州市丽春镇委员会");
        int year = CampaignFixture.OWN_TOWN_YEAR;
        return jdbc.sql("select id from campaign where root_organization_id = :r and campaign_year = :y")
                .param("r", town).param("y", year).query(Long.class).optional()
                .orElseGet(() -> tx.execute(s -> campaigns.open(town, year, year + "年度三分类三升级", Campaign.noticeSchedule(year)).getId()));
    }

    long outstandingPublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    @Test
    void aMoveAndARetirementAreAnnouncedOnceEach() throws Exception {
        long lichun = id("中共彭州市丽春镇委员会");
        long jiuchi = id("中共彭州市九尺镇委员会");
        JsonNode branch = post("/api/orgs", """
                {"parentId": %d, "organization": {"name": "中共彭州市丽春镇迁并村党支部委员会", "kind": "BRANCH", "field": "VILLAGE"}}
                """.formatted(lichun));
        long branchId = branch.get("id").asLong();
        String oldPath = branch.get("path").asText();

        JsonNode moved = post("/api/orgs/" + branchId + "/move",
                "{\"parentId\": " + jiuchi + ", \"version\": " + branch.get("version").asLong() + "}");

        List<OrganizationMoved> moves = events.stream(OrganizationMoved.class).filter(e -> e.organizationId() == branchId).toList();
        assertThat(moves).singleElement().satisfies(e -> {
            assertThat(e.oldPath()).isEqualTo(oldPath);
            assertThat(e.newPath()).isEqualTo(path(branchId)).startsWith(path(jiuchi));
            assertThat(e.newParentId()).isEqualTo(jiuchi);
        });

        // the branch's public pledge page takes suggestions until it is retired
        jdbc.sql("insert into pledge_board (campaign_id, organization_id, slug, suggestions_open, created_at)"
                        + " values (:c, :o, :s, true, current_timestamp)")
                .param("c", campaign()).param("o", branchId).param("s", "rt" + branchId).update();

        post("/api/orgs/" + branchId + "/retire", "{\"on\": \"2026-06-30\", \"version\": " + moved.get("version").asLong() + "}");
        assertThat(events.stream(OrganizationRetired.class).filter(e -> e.organizationId() == branchId).toList())
                .singleElement().satisfies(e -> assertThat(e.retiredOn()).hasToString("2026-06-30"));
        // pledge reacts on its own time (@ApplicationModuleListener is asynchronous), then the registry is empty
        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.sql("select suggestions_open from pledge_board where organization_id = :o")
                .param("o", branchId).query(Boolean.class).single());
        await().atMost(Duration.ofSeconds(20)).until(() -> outstandingPublications() == 0);
    }

    @Test
    void aTransferIsAnnouncedWithBothRolls() throws Exception {
        long bureau = id("中共彭州市农业局委员会");
        long from = jdbc.sql("select id from organization where parent_id = :p order by name limit 1").param("p", bureau)
                .query(Long.class).single();
        long to = jdbc.sql("select id from organization where parent_id = :p and id <> :f order by name limit 1")
                .param("p", bureau).param("f", from).query(Long.class).single();
        var member = jdbc.sql("select id, version from member where organization_id = :o and status = 'ACTIVE' order by id limit 1")
                .param("o", from).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

        post("/api/members/" + member[0] + "/transfer", "{\"targetOrganizationId\": " + to + ", \"version\": " + member[1] + "}");

        assertThat(events.stream(MemberTransferred.class).filter(e -> e.memberId() == member[0]).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.fromOrganizationId()).isEqualTo(from);
                    assertThat(e.toOrganizationId()).isEqualTo(to);
                });
    }

    @Test
    void aDecidedGradeReachesUpgradesCopyBeforeTheCallReturns() {
        int year = CampaignFixture.OWN_TOWN_YEAR;
        long campaign = campaign();
        long village = jdbc.sql("select o.id from organization o join organization t on t.id = o.parent_id"
                        + " where t.name = '中共彭州市丽春镇委员会' and o.kind = 'BRANCH' and not exists (select 1 from grading_case g"
                        + " where g.campaign_id = :c and g.organization_id = o.id) order by o.id limit 1")
                .param("c", campaign).query(Long.class).single();
        long town = id("中共彭州市丽春镇委员会");
        assertThat(decidedGrades.decidedAmong(campaign, List.of(village))).isEmpty();

        tx.executeWithoutResult(s -> grading.graded(campaign, year, village, "VILLAGE", 12, Grade.LAGGING, town, "cun", "zhen"));

        assertThat(events.stream(GradeDecided.class).filter(e -> e.organizationId() == village).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.campaignId()).isEqualTo(campaign);
                    assertThat(e.level()).isEqualTo(Grade.LAGGING);
                });
        assertThat(decidedGrades.decidedAmong(campaign, List.of(village))).containsExactly(village);
        assertThat(outstandingPublications()).isZero();
    }
}
