package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.WorkSummary;
import cn.tierup.acceptance.WorkSummaryStatus;
import cn.tierup.acceptance.internal.SummaryQueries.Unit;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What is owed in 总结验收 for the 工作总结: every grading authority but the root owes its summary by the phase's due
 * date; the root owes the acceptance (or return) of each one handed in, by the phase's end.
 */
@Component
class SummaryObligations implements ObligationSource {

    private final SummaryRepository summaries;
    private final SummaryQueries queries;

    SummaryObligations(SummaryRepository summaries, SummaryQueries queries) {
        this.summaries = summaries;
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
        Set<Long> asked = new HashSet<>(organizationIds);
        // the root reviews every authority's summary; anyone else owes only their own (a town's desk read every
        // decision of a province's campaign to find whether the town is an authority)
        List<Unit> authorities = asked.contains(campaign.rootOrganizationId())
                ? queries.authorities(campaign.id(), campaign.rootOrganizationId())
                : queries.authoritiesAmong(campaign.id(), asked);
        Map<Long, WorkSummary> byAuthority = summaries.findByCampaignId(campaign.id()).stream()
                .collect(Collectors.toMap(WorkSummary::getAuthorityOrganizationId, Function.identity()));
        var due = campaign.phases().get(Phase.ACCEPTANCE).dueOn();
        var end = campaign.phases().get(Phase.ACCEPTANCE).endsOn();
        long root = campaign.rootOrganizationId();
        List<Obligation> out = new ArrayList<>();
        for (Unit a : authorities) {
            if (a.id() == root) {
                continue;
            }
            WorkSummary s = byAuthority.get(a.id());
            String link = "/acceptance/summaries/" + campaign.id() + "/" + a.id();
            if (asked.contains(a.id())) {
                ObligationStatus status = s == null ? ObligationStatus.NOT_STARTED : switch (s.getStatus()) {
                    case DRAFT -> ObligationStatus.DRAFT;
                    case SUBMITTED -> ObligationStatus.SUBMITTED;
                    case RETURNED -> ObligationStatus.RETURNED;
                    case ACCEPTED -> ObligationStatus.ACCEPTED;
                };
                out.add(new Obligation(a.id(), "工作总结", status, due, status.handedIn() ? s.getHandedInAt() : null, link,
                        s != null && s.getStatus() == WorkSummaryStatus.RETURNED ? s.getReturnedReason() : null));
            }
            if (asked.contains(root) && s != null
                    && (s.getStatus() == WorkSummaryStatus.SUBMITTED || s.getStatus() == WorkSummaryStatus.ACCEPTED)) {
                boolean done = s.getStatus() == WorkSummaryStatus.ACCEPTED;
                out.add(new Obligation(root, "审核工作总结：" + a.name(), done ? ObligationStatus.ACCEPTED : ObligationStatus.NOT_STARTED,
                        end, done ? s.getDecidedAt() : null, link, done ? null : "已报送，待审核"));
            }
        }
        return out;
    }
}
