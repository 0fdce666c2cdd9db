package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.ReviewQueries;
import cn.tierup.acceptance.internal.ReviewRepository;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.GradeRegister;
import cn.tierup.upgrade.ApprovedGoals;
import cn.tierup.upgrade.Measure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earlier years' year-end reviews for the demo data set, walked through the aggregate's methods (so the same rules
 * hold) without a logged-in user: written and handed in after a member meeting in November, once returned where
 * asked, and decided by the authority. Not reachable from a request.
 */
@Service
public class YearEndReviewBootstrap {

    private final ReviewRepository reviews;
    private final ReviewQueries queries;
    private final GradeRegister register;
    private final ApprovedGoals goals;

    YearEndReviewBootstrap(ReviewRepository reviews, ReviewQueries queries, GradeRegister register, ApprovedGoals goals) {
        this.reviews = reviews;
        this.queries = queries;
        this.register = register;
        this.goals = goals;
    }

    /** The 年初定级 of an organisation in a campaign, for the demo to choose its story; empty when not graded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<Grade> startLevel(long campaignId, long organizationId) {
        // the grades of the demo's transaction are read with SQL: write them out first
        reviews.flush();
        return queries.subject(campaignId, organizationId).map(ReviewQueries.Subject::startLevel);
    }

    /**
     * One organisation's review of {@code year}: the member meeting on 8 November proposes the best grade of class
     * {@code proposed}; handed in on the 10th by {@code clerk} (returned once with {@code returnReason} when given and
     * handed in again on the 14th), decided on the 18th by {@code decider} as the best grade of class {@code decided},
     * with {@code reason} where that differs from the proposal.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reviewed(long campaignId, int year, long organizationId, Grade proposed, Grade decided, String reason,
                         String returnReason, String clerk, String decider) {
        reviews.flush();
        ReviewQueries.Subject s = queries.subject(campaignId, organizationId).orElseThrow();
        List<GradeBand> grades = register.grades(campaignId, organizationId);
        GradeBand proposal = grades.stream().filter(g -> g.level() == proposed).findFirst().orElseThrow();
        GradeBand decision = grades.stream().filter(g -> g.level() == decided).findFirst().orElseThrow();
        List<Measure> measures = goals.of(campaignId, organizationId).map(ApprovedGoals.Approved::measures).orElse(List.of());
        List<String> results = new ArrayList<>();
        for (Measure m : measures) {
            results.add("已按期完成。" + m.owner() + "牵头落实，相关台账和照片资料已归档。");
        }
        int expected = (int) Math.max(3, s.members());
        int present = expected * 4 / 5 + 1;
        Map<String, Integer> votes = new LinkedHashMap<>();
        int lead = present * 2 / 3 + 1;
        votes.put(proposal.name(), lead);
        grades.stream().filter(g -> g != proposal).findFirst().ifPresent(g -> votes.put(g.name(), present - lead));
        String report = "一年来，支部对照年初定级查找的问题和争创目标，坚持“三会一课”，落实整改台账，推动公开承诺事项兑现。"
                + "党员大会对照争创标准逐项评议，提出年末初评等次。";
        YearEndReviewContent content = new YearEndReviewContent(report, results, LocalDate.of(year, 11, 8),
                "村党群服务中心", expected, present, votes, null);
        LocalDate due = LocalDate.of(year, 11, 20);
        YearEndReview r = new YearEndReview(campaignId, organizationId, s.authorityId(), LocalDate.of(year, 11, 6).atTime(9, 0));
        r.write(content, measures.size(), grades, clerk, LocalDate.of(year, 11, 9).atTime(16, 0));
        r.handIn(clerk, LocalDate.of(year, 11, 10).atTime(10, 0), due);
        if (returnReason != null) {
            r.returnForRevision(returnReason, decider, LocalDate.of(year, 11, 12).atTime(15, 0));
            r.write(new YearEndReviewContent(report + "已补充村集体经济收入和群众满意度情况。", results, content.meetingHeldOn(),
                    content.meetingPlace(), expected, present, votes, null), measures.size(), grades, clerk,
                    LocalDate.of(year, 11, 13).atTime(17, 0));
            r.handIn(clerk, LocalDate.of(year, 11, 14).atTime(9, 30), due);
        }
        r.decide(decision.name(), reason, grades, decider, LocalDate.of(year, 11, 18).atTime(16, 0));
        reviews.save(r);
    }
}
