package cn.tierup.pledge.internal;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import cn.tierup.pledge.PledgeStatus;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What organisations owe in 晋位升级 for 公开承诺: their 承诺书, handed in, signed and made public. */
@Component
class PledgeObligations implements ObligationSource {

    private final JdbcClient jdbc;

    PledgeObligations(JdbcClient jdbc) {
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
        Map<Long, Object[]> byOrg = new HashMap<>();
        jdbc.sql("select b.organization_id, p.status, p.submitted_at, p.published_at, p.return_reason from pledge p"
                        + " join pledge_board b on b.id = p.board_id where b.campaign_id = :c and p.member_id is null"
                        + " and b.organization_id in (:ids)")
                .param("c", campaign.id()).param("ids", organizationIds)
                .query(rs -> {
                    byOrg.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4), rs.getString(5)});
                });
        var due = campaign.phases().get(Phase.UPGRADE).startsOn().plusDays(30);
        List<Obligation> out = new ArrayList<>();
        for (Long id : organizationIds) {
            if (id == campaign.rootOrganizationId()) {
                continue;
            }
            Object[] p = byOrg.get(id);
            ObligationStatus status = p == null ? ObligationStatus.NOT_STARTED : switch (PledgeStatus.valueOf((String) p[0])) {
                case DRAFT -> ObligationStatus.DRAFT;
                case SUBMITTED -> ObligationStatus.SUBMITTED;
                case RETURNED -> ObligationStatus.RETURNED;
                case SIGNED -> p[2] != null ? ObligationStatus.ACCEPTED : ObligationStatus.SUBMITTED;
            };
            String what = p != null && "SIGNED".equals(p[0]) && p[2] == null ? "公开承诺（已签订，待公开）" : "公开承诺";
            out.add(new Obligation(id, what, status, due, p != null && status.handedIn() && p[1] != null
                    ? ((Timestamp) p[1]).toLocalDateTime() : null,
                    "/pledges?campaign=" + campaign.id() + "&org=" + id, p == null ? null : (String) p[3]));
        }
        return out;
    }
}
