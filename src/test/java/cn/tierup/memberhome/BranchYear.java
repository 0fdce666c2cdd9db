package cn.tierup.memberhome;

import cn.tierup.campaign.Campaign;
import cn.tierup.campaign.CampaignBootstrap;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingBootstrap;
import cn.tierup.pledge.PledgeBootstrap;
import cn.tierup.upgrade.UpgradeBootstrap;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A finished campaign year of a branch as the demo makes it: graded 先进 by its parent, its goal approved, its
 * 承诺书 and the pledges of the members named published with their fulfilment.
 */
record BranchYear(CampaignBootstrap campaigns, GradingBootstrap grading, UpgradeBootstrap upgrade, PledgeBootstrap pledging,
                  TransactionTemplate tx, JdbcClient jdbc) {

    long campaign(long root, int year, String name) {
        return tx.execute(s -> campaigns.open(root, year, name, Campaign.noticeSchedule(year)).getId());
    }

    void seed(long campaign, int year, long branch, List<Long> members) {
        long parent = jdbc.sql("select parent_id from organization where id = :id").param("id", branch).query(Long.class).single();
        List<String> names = members.stream().map(m -> jdbc.sql("select name from member where id = :id").param("id", m)
                .query(String.class).single()).toList();
        tx.executeWithoutResult(s -> {
            grading.graded(campaign, year, branch, "VILLAGE", 20, Grade.ADVANCED, parent, "cun", "zhen");
            upgrade.year(campaign, year, branch, "先进", Grade.ADVANCED, null, "cun", "zhen", true);
            pledging.year(campaign, year, branch, members, names, "cun", "zhen", new Random(year * 100_003L + branch));
        });
    }

    /** Full or probationary members of a branch's roll, by id, the first {@code n}. */
    List<Long> partyMembers(long branch, int n) {
        return jdbc.sql("select id from member where organization_id = :o and category in ('FULL', 'PROBATIONARY')"
                + " and status = 'ACTIVE' order by id").param("o", branch).query(Long.class).list().subList(0, n);
    }
}
