package cn.tierup.memberhome;

import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseDates;
import cn.tierup.campaign.PhaseStatus;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.grading.BranchGrading;
import cn.tierup.pledge.BranchPledges;
import cn.tierup.questionnaire.SharedQuestionnaires;
import cn.tierup.upgrade.ApprovedGoals;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a party member sees of their branch in one campaign year. {@code memberName}: their person on the roll, when
 * the account names one still there (their own pledge is looked up by it); {@code campaign} null before any campaign
 * reaches the branch, and then every part below it is empty.
 */
public record MemberHomeView(long organizationId, String organizationName, String memberName, List<Year> years,
                             Campaign campaign, List<Work> work, BranchGrading.Progress grading,
                             ApprovedGoals.Approved goal, BranchPledges.ForMembers pledges,
                             List<SharedQuestionnaires.Link> questionnaires) {

    /** A campaign year the branch took part in, to switch to. */
    public record Year(long campaignId, int year) {
    }

    /** The campaign: its phases' dates and state today, and the phase whose work is owed now (null before the first). */
    public record Campaign(long id, int year, String name, Phase current, Map<Phase, PhaseDates> phases,
                           Map<Phase, PhaseStatus> status, boolean finished, LocalDate today) {
    }

    /** One piece of work the branch owes in the current phase and where it stands (no link: members only read). */
    public record Work(String what, ObligationStatus status, LocalDate dueOn, LocalDateTime handedInAt, boolean overdue) {
    }

    public boolean hasCampaign() {
        return campaign != null;
    }
}
