package cn.tierup.upgrade;

import cn.tierup.upgrade.internal.GoalRepository;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's 争创目标 once its authority approved it, for read-only views (callers have checked access). */
@Service
public class ApprovedGoals {

    private final GoalRepository goals;

    ApprovedGoals(GoalRepository goals) {
        this.goals = goals;
    }

    public record Approved(String grade, Aim aim, ModelLevel modelLevel, String statement, List<Measure> measures,
                           LocalDateTime approvedAt) {
    }

    /** Nothing while the goal is a draft, handed in or returned: members see what the authority approved. */
    @Transactional(readOnly = true)
    public Optional<Approved> of(long campaignId, long organizationId) {
        return goals.findByCampaignIdAndOrganizationIdAndStationIdIsNull(campaignId, organizationId)
                .filter(g -> g.getStatus() == GoalStatus.APPROVED)
                .map(g -> new Approved(g.getGrade(), g.getAim(), g.getModelLevel(), g.getStatement(),
                        List.copyOf(g.getMeasures()), g.getReviewedAt()));
    }
}
