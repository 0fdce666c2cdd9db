package cn.tierup.grading;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import cn.tierup.grading.internal.CaseProgress;
import cn.tierup.grading.internal.GradingCaseRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What organisations owe in 对标定级: their grading, done once the authority has decided. Steps 1–4 are
 * the organisation's work in progress; at step 5 it has handed in and waits for the decision.
 */
@Component
class GradingObligations implements ObligationSource {

    private final GradingCaseRepository cases;

    GradingObligations(GradingCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Phase phase() {
        return Phase.GRADING;
    }

    @Override
    public List<Obligation> obligations(CampaignView campaign, List<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        Map<Long, CaseProgress> byOrg = new HashMap<>();
        for (CaseProgress k : cases.progress(campaign.id(), organizationIds)) {
            byOrg.put(k.organizationId(), k);
        }
        var due = campaign.phases().get(Phase.GRADING).dueOn();
        List<Obligation> out = new ArrayList<>();
        for (Long id : organizationIds) {
            if (id == campaign.rootOrganizationId()) {
                continue;
            }
            CaseProgress k = byOrg.get(id);
            ObligationStatus status;
            if (k == null) {
                status = ObligationStatus.NOT_STARTED;
            } else {
                status = switch (k.step()) {
                    case DECISION -> ObligationStatus.SUBMITTED;
                    case DONE -> ObligationStatus.ACCEPTED;
                    default -> ObligationStatus.DRAFT;
                };
            }
            String what = k == null ? "分类定级" : "分类定级（第 " + k.step().number() + " 步）";
            if (k != null && k.step() == Step.DONE) {
                what = "分类定级（" + k.decidedGrade() + "）";
            }
            out.add(new Obligation(id, what, status, due, status.handedIn() ? (k.readyAt() != null ? k.readyAt() : k.decidedAt()) : null,
                    "/grading/case?campaign=" + campaign.id() + "&org=" + id,
                    k != null && k.round() > 1 && k.step() == Step.SELF_GRADING ? "审议未通过，请重新自评" : null));
        }
        return out;
    }
}
