package cn.tierup.grading;

import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the five steps, on the aggregate alone. */
class GradingCaseTest {

    static final Standard STANDARD = StandardText.parse(StandardTest.TEXT);
    static final LocalDateTime NOW = LocalDateTime.of(2026, 4, 8, 10, 0);
    static final LocalDate DAY = NOW.toLocalDate().minusDays(3);

    GradingCase k;

    @BeforeEach
    void fresh() {
        k = new GradingCase(1, 2, 3, "VILLAGE", NOW);
    }

    static Map<String, Integer> votes(int advanced, int average, int lagging) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("先进", advanced);
        m.put("一般", average);
        m.put("后进", lagging);
        return m;
    }

    static MeetingRecord meeting(int expected, int attendance, Map<String, Integer> votes) {
        return new MeetingRecord(DAY, "村委会", expected, attendance, votes);
    }

    static PaperTally tally(int issued, int returned, int agree, int disagree, int abstain, int invalid) {
        return new PaperTally(DAY.plusDays(1), "村活动室", 40, 36, issued, returned, agree, disagree, abstain, invalid);
    }

    void throughSelfGrade(String grade) {
        k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 28, votes(20, 6, 2)), STANDARD, "clerk", NOW);
        k.recordReview(Step.MEMBER_REVIEW, meeting(10, 8, votes(6, 2, 0)), STANDARD, "clerk", NOW);
        k.saveScoreSheet(new ScoreSheet(Map.of("1.1", 3, "1.2", 2, "2.1", 4), Set.of()), "考核好", STANDARD, NOW);
        k.proposeSelfGrade(grade, "两次评议均为先进", STANDARD, "secretary", NOW);
    }

    @Test
    void theStepsGoInOrderAndNoneCanBeSkipped() {
        assertThatThrownBy(() -> k.recordReview(Step.MEMBER_REVIEW, meeting(10, 8, votes(6, 2, 0)), STANDARD, "c", NOW))
                .isInstanceOf(DomainException.class).hasMessage("step.order");
        k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 28, votes(20, 6, 2)), STANDARD, "c", NOW);
        assertThat(k.getStep()).isEqualTo(Step.MEMBER_REVIEW);
        assertThatThrownBy(() -> k.proposeSelfGrade("先进", "x", STANDARD, "s", NOW)).hasMessage("step.order");
        assertThatThrownBy(() -> k.decide("先进", null, STANDARD, 9, "town", NOW)).hasMessage("step.order");
        assertThat(k.meeting(Step.PUBLIC_REVIEW).orElseThrow().getLeadingGrade()).isEqualTo("先进");
    }

    @Test
    void votesMustFitTheMeetingAndNameOneLeadingGrade() {
        assertThatThrownBy(() -> k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 28, votes(20, 6, 3)), STANDARD, "c", NOW))
                .hasMessage("meeting.votes.exceed");
        assertThatThrownBy(() -> k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 31, votes(20, 6, 3)), STANDARD, "c", NOW))
                .hasMessage("meeting.attendance");
        assertThatThrownBy(() -> k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 28, votes(10, 10, 3)), STANDARD, "c", NOW))
                .hasMessage("meeting.votes.tie");
        assertThatThrownBy(() -> k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 28, Map.of("优秀", 5)), STANDARD, "c", NOW))
                .hasMessage("meeting.votes.grade");
        assertThatThrownBy(() -> k.recordReview(Step.PUBLIC_REVIEW,
                new MeetingRecord(NOW.toLocalDate().plusDays(1), "村委会", 30, 28, votes(20, 6, 2)), STANDARD, "c", NOW))
                .hasMessage("meeting.future");
        assertThat(k.getStep()).isEqualTo(Step.PUBLIC_REVIEW);
        assertThat(k.getMeetings()).isEmpty();
    }

    @Test
    void aMemberMeetingVotesOnlyWithMoreThanHalfPresent() {
        k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 28, votes(20, 6, 2)), STANDARD, "c", NOW);
        assertThatThrownBy(() -> k.recordReview(Step.MEMBER_REVIEW, meeting(10, 5, votes(4, 1, 0)), STANDARD, "c", NOW))
                .hasMessage("meeting.quorum");
        k.recordReview(Step.MEMBER_REVIEW, meeting(10, 6, votes(4, 1, 0)), STANDARD, "c", NOW);
        assertThat(k.getStep()).isEqualTo(Step.SELF_GRADING);
    }

    @Test
    void aVetoLeavesOnlyTheLowestSelfGradeAndAStatementIsRequired() {
        k.recordReview(Step.PUBLIC_REVIEW, meeting(30, 28, votes(20, 6, 2)), STANDARD, "c", NOW);
        k.recordReview(Step.MEMBER_REVIEW, meeting(10, 8, votes(6, 2, 0)), STANDARD, "c", NOW);
        assertThatThrownBy(() -> k.proposeSelfGrade("先进", "x", STANDARD, "s", NOW)).hasMessage("self.sheetFirst");
        Standard.Evaluation e = k.saveScoreSheet(new ScoreSheet(Map.of("1.1", 3, "1.2", 2, "2.1", 5), Set.of(1)), null, STANDARD, NOW);
        assertThat(e.total()).isEqualTo(10);
        assertThat(e.grade().name()).isEqualTo("后进");
        assertThatThrownBy(() -> k.proposeSelfGrade("先进", "x", STANDARD, "s", NOW)).hasMessage("self.vetoed");
        assertThatThrownBy(() -> k.proposeSelfGrade("后进", " ", STANDARD, "s", NOW)).hasMessage("self.statement");
        k.proposeSelfGrade("后进", "班子长期瘫痪", STANDARD, "s", NOW);
        assertThat(k.getStep()).isEqualTo(Step.DELIBERATION);
        assertThat(k.getSelfLevel()).isEqualTo(Grade.LAGGING);
    }

    @Test
    void aPaperTallyMustAddUpAndFitTheMeeting() {
        throughSelfGrade("先进");
        assertThatThrownBy(() -> k.recordPaperBallot(tally(36, 35, 30, 3, 1, 2), 50, "c", NOW)).hasMessage("ballot.tally.sum");
        assertThatThrownBy(() -> k.recordPaperBallot(tally(37, 35, 30, 3, 1, 1), 50, "c", NOW)).hasMessage("ballot.issued.exceed");
        assertThatThrownBy(() -> k.recordPaperBallot(tally(30, 31, 30, 0, 1, 0), 50, "c", NOW)).hasMessage("ballot.returned.exceed");
        assertThat(k.getStep()).isEqualTo(Step.DELIBERATION);
        k.recordPaperBallot(tally(36, 35, 30, 3, 1, 1), 50, "c", NOW);
        assertThat(k.getStep()).isEqualTo(Step.DECISION);
    }

    @Test
    void theSelfGradePassesOnlyWithMoreThanTheShareOfValidBallots() {
        assertThat(DeliberationRule.passes(10, 10, 0, 50)).isFalse();
        assertThat(DeliberationRule.passes(11, 10, 0, 50)).isTrue();
        assertThat(DeliberationRule.passes(11, 9, 1, 50)).isTrue();
        assertThat(DeliberationRule.passes(20, 10, 0, 66)).isTrue();
        assertThat(DeliberationRule.passes(20, 11, 0, 66)).isFalse();
        throughSelfGrade("先进");
        // 15 agree of 30 valid (invalid ones not counted) is not more than half: back to 自评, next round
        k.recordPaperBallot(tally(36, 34, 15, 10, 5, 4), 50, "c", NOW);
        assertThat(k.getStep()).isEqualTo(Step.SELF_GRADING);
        assertThat(k.getRound()).isEqualTo(2);
        assertThat(k.getSelfGrade()).isNull();
        assertThat(k.getScoreSheet()).isNotNull();
        k.proposeSelfGrade("一般", "按审议意见调整", STANDARD, "secretary", NOW);
        k.recordPaperBallot(tally(36, 36, 30, 4, 2, 0), 50, "c", NOW);
        assertThat(k.meeting(Step.DELIBERATION).orElseThrow().getProposedGrade()).isEqualTo("一般");
        assertThat(k.getStep()).isEqualTo(Step.DECISION);
    }

    @Test
    void theAuthorityGivesAReasonWhenItDiffersAndDoesNotDecideItsOwnEntry() {
        throughSelfGrade("先进");
        k.recordPaperBallot(tally(36, 36, 30, 4, 2, 0), 50, "c", NOW);
        assertThatThrownBy(() -> k.decide("一般", " ", STANDARD, 9, "town", NOW)).hasMessage("decision.reason");
        assertThatThrownBy(() -> k.decide("先进", null, STANDARD, 9, "secretary", NOW)).hasMessage("decision.ownSelfGrade");
        assertThatThrownBy(() -> k.decide("优秀", null, STANDARD, 9, "town", NOW)).hasMessage("grade.unknown");
        k.decide("一般", "集体经济发展滞后", STANDARD, 9, "town", NOW);
        assertThat(k.getStep()).isEqualTo(Step.DONE);
        assertThat(k.getDecidedLevel()).isEqualTo(Grade.AVERAGE);
        assertThat(k.getAuthorityOrganizationId()).isEqualTo(9L);
    }

    @Test
    void reopeningVoidsTheStepAndWhatFollowedAndKeepsTheRecords() {
        throughSelfGrade("先进");
        k.recordPaperBallot(tally(36, 36, 30, 4, 2, 0), 50, "c", NOW);
        k.decide("先进", null, STANDARD, 9, "town", NOW);
        assertThatThrownBy(() -> k.reopen(Step.MEMBER_REVIEW, " ", NOW)).hasMessage("reopen.reason");
        k.reopen(Step.MEMBER_REVIEW, "党员大会未达到法定人数", NOW);
        assertThat(k.getStep()).isEqualTo(Step.MEMBER_REVIEW);
        assertThat(k.getDecidedGrade()).isNull();
        assertThat(k.getSelfGrade()).isNull();
        assertThat(k.getMeetings()).hasSize(3);
        assertThat(k.getMeetings()).filteredOn(GradingMeeting::live).extracting(GradingMeeting::getStep)
                .containsExactly(Step.PUBLIC_REVIEW);
        assertThat(k.getMeetings()).filteredOn(m -> !m.live()).allMatch(m -> "党员大会未达到法定人数".equals(m.getVoidReason()));
        assertThatThrownBy(() -> k.reopen(Step.SELF_GRADING, "x", NOW)).hasMessage("reopen.step");
    }

    @Test
    void aPhoneBallotCountsOnlyCodesSpentByThosePresent() {
        throughSelfGrade("先进");
        assertThatThrownBy(() -> k.openPhoneBallot(NOW.toLocalDate(), "会场", 10, 11, "t", "c", NOW))
                .hasMessage("ballot.codes");
        k.openPhoneBallot(NOW.toLocalDate(), "会场", 10, 10, "t", "c", NOW);
        assertThatThrownBy(() -> k.recordPaperBallot(tally(36, 36, 30, 4, 2, 0), 50, "c", NOW)).hasMessage("ballot.phoneOpen");
        assertThatThrownBy(() -> k.closePhoneBallot(5, 7, 4, 1, 1, 1, 50, "c", NOW)).hasMessage("ballot.spent.exceed");
        // a sealed vote the count could not open is an invalid vote, as a spoilt paper ballot is
        k.closePhoneBallot(8, 7, 4, 1, 1, 1, 50, "c", NOW);
        assertThat(k.getStep()).isEqualTo(Step.DECISION);
        GradingMeeting m = k.meeting(Step.DELIBERATION).orElseThrow();
        assertThat(m.getBallotsIssued()).isEqualTo(10);
        assertThat(m.getBallotsReturned()).isEqualTo(7);
        assertThat(m.getInvalid()).isEqualTo(1);
        assertThat(m.getPassed()).isTrue();
    }
}
