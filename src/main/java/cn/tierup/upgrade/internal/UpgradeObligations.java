package cn.tierup.upgrade.internal;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import cn.tierup.upgrade.GoalStatus;
import cn.tierup.upgrade.UpgradeGoal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What organisations owe in 晋位升级: their goal (approved by the authority), and — where they keep a
 * ledger — its open lines, the overdue ones called out so they stand out on the home pages.
 */
@Component
class UpgradeObligations implements ObligationSource {

    private final GoalRepository goals;
    private final DecidedGrades decidedGrades;
    private final JdbcClient jdbc;

    UpgradeObligations(GoalRepository goals, DecidedGrades decidedGrades, JdbcClient jdbc) {
        this.goals = goals;
        this.decidedGrades = decidedGrades;
        this.jdbc = jdbc;
    }

    @Override
    public Phase phase() {
        return Phase.UPGRADE;
    }

    @Override
    public List<Obligation> obligations(CampaignView campaign, List<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        // a goal is owed once the grade is decided
        java.util.Set<Long> graded = decidedGrades.decidedAmong(campaign.id(), organizationIds);
        Map<Long, UpgradeGoal> byOrg = new HashMap<>();
        goals.findByCampaignIdAndOrganizationIdInAndStationIdIsNull(campaign.id(), organizationIds).forEach(g -> byOrg.put(g.getOrganizationId(), g));
        Map<Long, long[]> ledger = new HashMap<>();
        jdbc.sql("select organization_id, sum(case when status = 'OPEN' then 1 else 0 end),"
                        + " sum(case when status = 'OPEN' and deadline < :today then 1 else 0 end), min(case when status = 'OPEN' then deadline end)"
                        + " from rectification_item where campaign_id = :c and organization_id in (:ids) and station_id is null"
                        + " group by organization_id")
                .param("c", campaign.id()).param("ids", organizationIds).param("today", java.sql.Date.valueOf(LocalDate.now()))
                .query(rs -> {
                    java.sql.Date first = rs.getDate(4);
                    ledger.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), first == null ? 0 : first.toLocalDate().toEpochDay()});
                });
        LocalDate due = campaign.phases().get(Phase.UPGRADE).dueOn();
        LocalDate goalDue = campaign.phases().get(Phase.UPGRADE).startsOn().plusDays(30);
        List<Obligation> out = new ArrayList<>();
        for (Long id : organizationIds) {
            if (id == campaign.rootOrganizationId()) {
                continue;
            }
            UpgradeGoal g = byOrg.get(id);
            if (graded.contains(id) || g != null) {
                ObligationStatus status = g == null ? ObligationStatus.NOT_STARTED : switch (g.getStatus()) {
                    case DRAFT -> ObligationStatus.DRAFT;
                    case SUBMITTED -> ObligationStatus.SUBMITTED;
                    case RETURNED -> ObligationStatus.RETURNED;
                    case APPROVED -> ObligationStatus.ACCEPTED;
                };
                out.add(new Obligation(id, "争创目标", status, goalDue, g != null && status.handedIn() ? g.getSubmittedAt() : null,
                        "/upgrade/goal?campaign=" + campaign.id() + "&org=" + id,
                        g != null && g.getStatus() == GoalStatus.RETURNED ? g.getReturnReason() : null));
            }
            long[] l = ledger.get(id);
            if (l != null && l[0] > 0) {
                out.add(new Obligation(id, "整改台账（" + l[0] + " 项未销号" + (l[1] > 0 ? "，" + l[1] + " 项逾期" : "") + "）",
                        ObligationStatus.DRAFT, l[1] > 0 ? LocalDate.ofEpochDay(l[2]) : due, null,
                        "/upgrade/ledger?campaign=" + campaign.id() + "&org=" + id, l[1] > 0 ? "有整改事项已超过完成时限" : null));
            }
        }
        return out;
    }
}
