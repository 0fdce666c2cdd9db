package cn.tierup.grading;

import cn.tierup.grading.internal.GradingCaseRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a branch's 对标定级 stands, as its party members see it (callers have checked access): the step it is at,
 * the grade once decided, and the phone ballot of its 党员群众会议审议 while that runs.
 */
@Service
public class BranchGrading {

    private final GradingCaseRepository cases;
    private final GradeRegister register;

    BranchGrading(GradingCaseRepository cases, GradeRegister register) {
        this.cases = cases;
        this.register = register;
    }

    /** {@code step}: null before the branch began; {@code ballotSlug}: the running phone ballot's link, if any. */
    public record Progress(Step step, GradeRegister.Decided decided, String ballotTitle, String ballotSlug) {
    }

    @Transactional(readOnly = true)
    public Progress of(long campaignId, long organizationId) {
        GradeRegister.Decided decided = register.decided(campaignId, organizationId).orElse(null);
        Optional<GradingCase> c = cases.findByCampaignIdAndOrganizationId(campaignId, organizationId);
        Optional<GradingMeeting> ballot = c.flatMap(GradingCase::openBallot).filter(m -> m.getSlug() != null);
        return new Progress(c.map(GradingCase::getStep).orElse(null), decided,
                ballot.map(GradingMeeting::getBallotTitle).orElse(null), ballot.map(GradingMeeting::getSlug).orElse(null));
    }
}
