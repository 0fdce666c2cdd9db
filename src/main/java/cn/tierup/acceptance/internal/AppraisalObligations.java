package cn.tierup.acceptance.internal;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a grading authority owes in 总结验收 for the 民主测评: an appraisal of every organisation it graded this year
 * (年初定级), by the phase's due date. Done (已通过) when each of them has a counted sitting — its own or one a superior
 * held; begun (草稿) while some are counted or a sitting is being entered or voted; an organisation that grades nobody
 * owes nothing here.
 */
@Component
class AppraisalObligations implements ObligationSource {

    private final JdbcClient jdbc;

    AppraisalObligations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Phase phase() {
        return Phase.ACCEPTANCE;
    }

    @Override
    public List<Obligation> obligations(CampaignView campaign, List<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        // per authority: organisations it graded, those with a counted sitting, those with one under way
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("select d.authority_organization_id, count(*),"
                        + " sum(case when exists (select 1 from acceptance_appraisal_line l join acceptance_appraisal a"
                        + " on a.id = l.appraisal_id where a.campaign_id = d.campaign_id and l.organization_id = d.organization_id"
                        + " and a.status = 'COUNTED') then 1 else 0 end),"
                        + " sum(case when exists (select 1 from acceptance_appraisal_line l join acceptance_appraisal a"
                        + " on a.id = l.appraisal_id where a.campaign_id = d.campaign_id and l.organization_id = d.organization_id"
                        + " and a.status in ('ENTERING', 'VOTING')) then 1 else 0 end)"
                        + " from decided_grade_view d where d.campaign_id = :c and d.authority_organization_id in (:ids)"
                        + " group by d.authority_organization_id")
                .param("c", campaign.id()).param("ids", organizationIds)
                .query(rs -> {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        Map<Long, LocalDateTime> lastCounted = new HashMap<>();
        // when the last of its organisations was counted, whoever held the sitting
        jdbc.sql("select d.authority_organization_id, max(a.counted_at) from decided_grade_view d"
                        + " join acceptance_appraisal_line l on l.organization_id = d.organization_id"
                        + " join acceptance_appraisal a on a.id = l.appraisal_id and a.campaign_id = d.campaign_id"
                        + " where d.campaign_id = :c and a.status = 'COUNTED' and d.authority_organization_id in (:ids)"
                        + " group by d.authority_organization_id")
                .param("c", campaign.id()).param("ids", organizationIds)
                .query(rs -> {
                    Timestamp t = rs.getTimestamp(2);
                    if (t != null) {
                        lastCounted.put(rs.getLong(1), t.toLocalDateTime());
                    }
                });
        var due = campaign.phases().get(Phase.ACCEPTANCE).dueOn();
        List<Obligation> out = new ArrayList<>();
        for (Long id : organizationIds) {
            long[] c = counts.get(id);
            if (c == null || c[0] == 0) {
                continue;
            }
            ObligationStatus status = c[1] == c[0] ? ObligationStatus.ACCEPTED
                    : c[1] > 0 || c[2] > 0 ? ObligationStatus.DRAFT : ObligationStatus.NOT_STARTED;
            out.add(new Obligation(id, "党员群众民主测评（已测评 " + c[1] + "/" + c[0] + " 个党组织）", status, due,
                    status == ObligationStatus.ACCEPTED ? lastCounted.get(id) : null,
                    "/acceptance/appraisals?campaign=" + campaign.id() + "&org=" + id, null));
        }
        return out;
    }
}
