package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the year-end review's aggregate and its policy, each named as the rule it checks. */
class YearEndReviewTest {

    static final List<GradeBand> GRADES = List.of(new GradeBand("先进", 85, Grade.ADVANCED),
            new GradeBand("一般", 60, Grade.AVERAGE), new GradeBand("后进", 0, Grade.LAGGING));
    static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 12, 10, 0);
    static final LocalDate DUE = LocalDate.of(2025, 11, 20);

    static YearEndReviewContent content(Map<String, Integer> votes, Integer expected, Integer attendance) {
        return new YearEndReviewContent("对照争创目标逐项落实。", List.of("已完成", "已完成"), LocalDate.of(2025, 11, 8),
                "村党员活动室", expected, attendance, votes, null);
    }

    static YearEndReview written(Map<String, Integer> votes) {
        YearEndReview r = new YearEndReview(1, 2, 3, NOW);
        r.write(content(votes, 20, 15), 2, GRADES, "cun", NOW);
        return r;
    }

    @Test
    void theMeetingsLeadingGradeIsTheProposal() {
        assertThat(written(Map.of("先进", 10, "一般", 5)).getProposedGrade()).isEqualTo("先进");
    }

    @Test
    void votesAddingUpToMoreThanThosePresentAreRefusedAndNothingChanges() {
        YearEndReview r = written(Map.of("一般", 10, "后进", 5));
        assertThatThrownBy(() -> r.write(content(Map.of("先进", 10, "一般", 6), 20, 15), 2, GRADES, "cun", NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("meeting.votes.exceed");
        assertThat(r.getProposedGrade()).isEqualTo("一般");
    }

    @Test
    void aMeetingWithoutMoreThanHalfTheMembersCannotPropose() {
        YearEndReview r = new YearEndReview(1, 2, 3, NOW);
        assertThatThrownBy(() -> r.write(content(Map.of("先进", 6), 20, 10), 2, GRADES, "cun", NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("meeting.quorum");
    }

    @Test
    void aTieHasNoLeadingGrade() {
        YearEndReview r = new YearEndReview(1, 2, 3, NOW);
        assertThatThrownBy(() -> r.write(content(Map.of("先进", 7, "一般", 7), 20, 15), 2, GRADES, "cun", NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("meeting.votes.tie");
    }

    @Test
    void noHandInWithoutTheMemberMeeting() {
        YearEndReview r = new YearEndReview(1, 2, 3, NOW);
        r.write(new YearEndReviewContent("报告", List.of("已完成", "已完成"), null, null, null, null, Map.of(), null), 2,
                GRADES, "cun", NOW);
        assertThatThrownBy(() -> r.handIn("cun", NOW, DUE)).hasMessageContaining("acceptance.review.meeting.required");
        assertThat(r.getStatus()).isEqualTo(YearEndReviewStatus.DRAFT);
    }

    @Test
    void everyMeasureIsAnsweredBeforeHandIn() {
        YearEndReview r = new YearEndReview(1, 2, 3, NOW);
        r.write(new YearEndReviewContent("报告", List.of("已完成"), LocalDate.of(2025, 11, 8), "村党员活动室", 20, 15,
                Map.of("先进", 10), null), 2, GRADES, "cun", NOW);
        assertThatThrownBy(() -> r.handIn("cun", NOW, DUE)).hasMessageContaining("acceptance.review.measure.required");
    }

    @Test
    void aHandInAfterTheDueDateIsMarkedLate() {
        YearEndReview r = written(Map.of("先进", 10));
        r.handIn("cun", LocalDateTime.of(2025, 11, 21, 9, 0), DUE);
        assertThat(r.isHandedInLate()).isTrue();
    }

    @Test
    void aHandedInReviewIsLockedUntilReturnedWithAReason() {
        YearEndReview r = written(Map.of("先进", 10));
        r.handIn("cun", NOW, DUE);
        assertThatThrownBy(() -> r.write(content(Map.of("先进", 10), 20, 15), 2, GRADES, "cun", NOW))
                .hasMessageContaining("acceptance.review.locked.submitted");
        assertThatThrownBy(() -> r.returnForRevision(" ", "zhen", NOW)).hasMessageContaining("acceptance.review.return.reason");
        r.returnForRevision("请补充数据", "zhen", NOW);
        assertThat(r.getStatus()).isEqualTo(YearEndReviewStatus.RETURNED);
        r.write(content(Map.of("一般", 10), 20, 15), 2, GRADES, "cun", NOW);
        r.handIn("cun", NOW, DUE);
        assertThat(r.getStatus()).isEqualTo(YearEndReviewStatus.SUBMITTED);
    }

    @Test
    void aDecisionOtherThanTheProposalNeedsAReason() {
        YearEndReview r = written(Map.of("先进", 10));
        r.handIn("cun", NOW, DUE);
        assertThatThrownBy(() -> r.decide("一般", null, GRADES, "zhen", NOW))
                .hasMessageContaining("acceptance.review.decision.reason");
        r.decide("一般", "台账未销号", GRADES, "zhen", NOW);
        assertThat(r.getDecidedLevel()).isEqualTo(Grade.AVERAGE);
        assertThat(r.getStatus()).isEqualTo(YearEndReviewStatus.DECIDED);
    }

    @Test
    void onlyTheSchemesGradesCanBeDecided() {
        YearEndReview r = written(Map.of("先进", 10));
        r.handIn("cun", NOW, DUE);
        assertThatThrownBy(() -> r.decide("优秀", "理由", GRADES, "zhen", NOW)).hasMessageContaining("grade.unknown");
    }

    @Test
    void whoHandedItInOnTheOrganisationsBehalfDoesNotDecideIt() {
        YearEndReview r = written(Map.of("先进", 10));
        r.handIn("zhen", NOW, DUE);
        assertThatThrownBy(() -> r.decide("先进", null, GRADES, "zhen", NOW))
                .hasMessageContaining("acceptance.review.decision.ownHandIn");
    }

    @Test
    void reopeningNeedsAReasonAndWithdrawsTheGrade() {
        YearEndReview r = written(Map.of("先进", 10));
        r.handIn("cun", NOW, DUE);
        r.decide("先进", null, GRADES, "zhen", NOW);
        assertThatThrownBy(() -> r.reopen("", "zhen", NOW)).hasMessageContaining("acceptance.review.reopen.reason");
        r.reopen("逾期事项已销号，重新审评", "zhen", NOW);
        assertThat(r.getDecidedGrade()).isNull();
        assertThat(r.getStatus()).isEqualTo(YearEndReviewStatus.SUBMITTED);
        assertThat(r.getReopenReason()).contains("重新审评");
    }

    @Test
    void onlyTheAuthoritysOwnAccountsDecide() {
        assertThat(YearEndReviewPolicy.isAuthority(7, 42, 7)).isTrue();
        assertThat(YearEndReviewPolicy.isAuthority(1, 42, 7)).as("the city above the town").isFalse();
        assertThat(YearEndReviewPolicy.isAuthority(42, 42, 42)).as("the organisation itself").isFalse();
        assertThatThrownBy(() -> YearEndReviewPolicy.checkAuthority(1, 42, 7, "丽春镇党委"))
                .hasMessageContaining("acceptance.review.notAuthority");
    }
}
