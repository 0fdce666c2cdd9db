package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.YearEndReviewStatus;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseDates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What organisations owe in 总结验收 for the year-end review: every organisation graded at the start of the year owes
 * its 自查初评 by the phase's due date; an authority owes the 审评 of each self-review handed in to it, by the
 * phase's last day. Only campaign reaches it, through the {@link ObligationSource} port.
 */
@Component
class ReviewObligations implements ObligationSource {

    private final ReviewRepository reviews;
    private final ReviewQueries queries;

    ReviewObligations(ReviewRepository reviews, ReviewQueries queries) {
        this.reviews = reviews;
        this.queries = queries;
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
        Map<Long, Long> graded = queries.gradedAmong(campaign.id(), organizationIds);
        Map<Long, ReviewProgress> byOrg = new HashMap<>();
        for (ReviewProgress r : reviews.progress(campaign.id(), organizationIds)) {
            byOrg.put(r.organizationId(), r);
        }
        PhaseDates dates = campaign.phases().get(Phase.ACCEPTANCE);
        List<Obligation> out = new ArrayList<>();
        for (Long id : organizationIds) {
            if (!graded.containsKey(id)) {
                continue;
            }
            ReviewProgress r = byOrg.get(id);
            ObligationStatus status = r == null ? ObligationStatus.NOT_STARTED : switch (r.status()) {
                case DRAFT -> ObligationStatus.DRAFT;
                case SUBMITTED -> ObligationStatus.SUBMITTED;
                case RETURNED -> ObligationStatus.RETURNED;
                case DECIDED -> ObligationStatus.ACCEPTED;
            };
            String what = r != null && r.status() == YearEndReviewStatus.DECIDED
                    ? "自查初评（年末审定：" + r.decidedGrade() + "）" : "自查初评";
            out.add(new Obligation(id, what, status, dates.dueOn(), status.handedIn() ? r.handedInAt() : null,
                    "/acceptance/review?campaign=" + campaign.id() + "&org=" + id,
                    r != null && r.status() == YearEndReviewStatus.RETURNED ? r.returnedReason() : null));
        }
        for (ReviewQueries.Pending p : queries.pendingFor(campaign.id(), organizationIds)) {
            out.add(new Obligation(p.authorityId(), "审评 " + p.name() + " 的自查初评", ObligationStatus.NOT_STARTED,
                    dates.endsOn(), null, "/acceptance/review/decision?campaign=" + campaign.id() + "&org=" + p.organizationId(),
                    "已于 " + p.handedInAt().toLocalDate() + " 提交，待审定年末等次"));
        }
        return out;
    }
}
