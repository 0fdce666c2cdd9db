package cn.tierup.memberhome;

import cn.tierup.campaign.BranchCampaigns;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.BranchGrading;
import cn.tierup.identity.MemberAccounts;
import cn.tierup.identity.OrganizationDirectory.MemberRef;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.BranchPledges;
import cn.tierup.questionnaire.SharedQuestionnaires;
import cn.tierup.shared.NotFoundException;
import cn.tierup.upgrade.ApprovedGoals;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a party member's home: the guard says whether the user may see it at all and where; a member sees their own
 * branch only — not a sub-branch, not a neighbour — so any other organisation is refused, and nothing here writes.
 */
@Service
public class MemberHome {

    private final ScopeGuard guard;
    private final MemberAccounts members;
    private final BranchCampaigns campaigns;
    private final BranchGrading grading;
    private final ApprovedGoals goals;
    private final BranchPledges pledges;
    private final SharedQuestionnaires questionnaires;

    MemberHome(ScopeGuard guard, MemberAccounts members, BranchCampaigns campaigns, BranchGrading grading,
               ApprovedGoals goals, BranchPledges pledges, SharedQuestionnaires questionnaires) {
        this.guard = guard;
        this.members = members;
        this.campaigns = campaigns;
        this.grading = grading;
        this.goals = goals;
        this.pledges = pledges;
        this.questionnaires = questionnaires;
    }

    /** Whether the logged-in user's home is this one (a party member's account). */
    public boolean applies() {
        return guard.currentUserIfAny().map(u -> u.has(Permission.MEMBER_HOME)).orElse(false);
    }

    /**
     * The branch in a campaign year ({@code campaignId} null: this year's, else the latest); {@code organizationId}
     * null: the user's own, and any other is refused.
     */
    @Transactional(readOnly = true)
    public MemberHomeView view(Long campaignId, Long organizationId) {
        long own = guard.currentUser().organizationId();
        OrgRef branch = guard.require(Permission.MEMBER_HOME, organizationId == null ? own : organizationId);
        if (branch.id() != own) {
            throw new AccessDeniedException("a member sees their own branch only");
        }
        List<CampaignView> all = campaigns.of(own);
        CampaignView c = campaignId == null ? campaigns.current(own).orElse(null)
                : all.stream().filter(x -> x.id() == campaignId).findFirst()
                        .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        MemberRef me = members.mine().orElse(null);
        List<MemberHomeView.Year> years = all.stream().map(x -> new MemberHomeView.Year(x.id(), x.year())).toList();
        if (c == null) {
            return new MemberHomeView(own, branch.name(), me == null ? null : me.name(), years, null, List.of(), null, null,
                    null, List.of());
        }
        LocalDate today = LocalDate.now();
        List<MemberHomeView.Work> work = c.current() == null ? List.of() : campaigns.owed(c, c.current(), own).stream()
                .map(o -> new MemberHomeView.Work(o.what(), o.status(), o.dueOn(), o.handedInAt(), o.overdue(today)))
                .toList();
        return new MemberHomeView(own, branch.name(), me == null ? null : me.name(), years,
                new MemberHomeView.Campaign(c.id(), c.year(), c.name(), c.current(), c.phases(), c.status(), c.finished(), today),
                work, grading.of(c.id(), own), goals.of(c.id(), own).orElse(null),
                pledges.of(c.id(), own, me == null ? null : me.id()), questionnaires.openToday(c.id(), own));
    }
}
