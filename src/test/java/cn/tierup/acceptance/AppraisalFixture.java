package cn.tierup.acceptance;

import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.shared.Actors;
import cn.tierup.testsupport.CampaignFixture;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a 民主测评 test needs before the 总结验收: a campaign rooted at the town the test class works in, in
 * {@link CampaignFixture#OWN_TOWN_YEAR} (every phase over, so work is taken and marked 逾期), in which the town's
 * village and community branches have their 年初定级 grades decided by the town — put there through grading's own
 * bootstrap, as the demo's past years are. Each class names a town no other class roots a campaign at in that year.
 */
@TestComponent
class AppraisalFixture {

    private final CampaignBootstrap campaigns;
    private final GradingBootstrap grading;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    AppraisalFixture(CampaignBootstrap campaigns, GradingBootstrap grading, TransactionTemplate tx,
                     JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.grading = grading;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    /** The campaign rooted at {@code town}, with its branches graded by it (decided by its account {@code decider}); made once. */
    synchronized long campaignWithGradedTown(String town, String decider) {
        int year = CampaignFixture.OWN_TOWN_YEAR;
        long townId = id(town);
        Long existing = jdbc.sql("select id from campaign where root_organization_id = :r and campaign_year = :y")
                .param("r", townId).param("y", year).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        List<Object[]> branches = jdbc.sql("select id, field from organization where parent_id = :p and kind = 'BRANCH'"
                        + " and retired = false order by id").param("p", townId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        Grade[] levels = {Grade.ADVANCED, Grade.AVERAGE, Grade.LAGGING};
        return tx.execute(s -> {
            Campaign c = campaigns.open(townId, year, year + "年度三分类三升级活动", Campaign.noticeSchedule(year));
            for (int i = 0; i < branches.size(); i++) {
                grading.graded(c.getId(), year, (Long) branches.get(i)[0], (String) branches.get(i)[1], 20, levels[i % 3],
                        townId, Actors.SYSTEM, decider);
            }
            return c.getId();
        });
    }
}
