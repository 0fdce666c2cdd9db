package cn.tierup.acceptance;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.SatisfactionRate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppraisalPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2025, 11, 20);
    static final Map<Long, String> LISTED = new LinkedHashMap<>();

    static {
        LISTED.put(1L, "太平村党支部");
        LISTED.put(2L, "建设村党支部");
    }

    static void refused(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    static AppraisalTally tally(int issued, int returned, int s1, int f1, int d1, int x1, int s2, int f2, int d2, int x2) {
        return new AppraisalTally(issued, returned, List.of(new AppraisalTally.Line(1L, s1, f1, d1, x1),
                new AppraisalTally.Line(2L, s2, f2, d2, x2)));
    }

    @Test
    void aSittingNeedsADateNotInTheFutureAPlaceAndNoMorePresentThanExpected() {
        refused(() -> AppraisalPolicy.checkSitting(null, "会议室", 10, 8, 5, 5, TODAY), "acceptance.appraisal.date");
        refused(() -> AppraisalPolicy.checkSitting(TODAY.plusDays(1), "会议室", 10, 8, 5, 5, TODAY), "acceptance.appraisal.future");
        refused(() -> AppraisalPolicy.checkSitting(TODAY, " ", 10, 8, 5, 5, TODAY), "acceptance.appraisal.place");
        refused(() -> AppraisalPolicy.checkSitting(TODAY, "会议室", 10, 11, 5, 5, TODAY), "acceptance.appraisal.members.exceed");
        refused(() -> AppraisalPolicy.checkSitting(TODAY, "会议室", 10, 8, 5, 6, TODAY), "acceptance.appraisal.public.exceed");
        refused(() -> AppraisalPolicy.checkSitting(TODAY, "会议室", 10, null, 5, 5, TODAY), "acceptance.appraisal.members.missing");
        refused(() -> AppraisalPolicy.checkSitting(TODAY, "会议室", 10, 0, 5, 0, TODAY), "acceptance.appraisal.nobody");
        AppraisalPolicy.checkSitting(TODAY, "会议室", 10, 8, 0, 0, TODAY);
    }

    @Test
    void theListNamesEachEligibleOrganisationOnce() {
        refused(() -> AppraisalPolicy.checkSubjects(List.of(), LISTED), "acceptance.appraisal.subjects.none");
        refused(() -> AppraisalPolicy.checkSubjects(List.of(1L, 3L), LISTED), "acceptance.appraisal.subjects.notEligible");
        refused(() -> AppraisalPolicy.checkSubjects(List.of(1L, 1L), LISTED), "acceptance.appraisal.subjects.twice");
        AppraisalPolicy.checkSubjects(List.of(2L), LISTED);
    }

    @Test
    void aPaperCountAddsUpForEveryOrganisationAndNoMoreSheetsThanPeoplePresent() {
        refused(() -> AppraisalPolicy.checkTally(tally(21, 20, 10, 5, 5, 0, 10, 5, 5, 0), 20, LISTED), "acceptance.appraisal.tally.issued");
        refused(() -> AppraisalPolicy.checkTally(tally(19, 20, 10, 5, 5, 0, 10, 5, 5, 0), 20, LISTED), "acceptance.appraisal.tally.returned");
        refused(() -> AppraisalPolicy.checkTally(tally(20, 20, 10, 5, 5, 0, 10, 5, 4, 0), 20, LISTED), "acceptance.appraisal.tally.sum");
        refused(() -> AppraisalPolicy.checkTally(tally(20, 20, 10, 5, 5, 0, 10, 5, 6, -1), 20, LISTED), "acceptance.appraisal.tally.missing");
        refused(() -> AppraisalPolicy.checkTally(new AppraisalTally(20, 20, List.of(new AppraisalTally.Line(1L, 10, 5, 5, 0))), 20, LISTED),
                "acceptance.appraisal.tally.missing");
        refused(() -> AppraisalPolicy.checkTally(new AppraisalTally(null, 20, List.of()), 20, LISTED), "acceptance.appraisal.tally.sheets");
        AppraisalPolicy.checkTally(tally(20, 19, 10, 5, 3, 1, 12, 6, 1, 0), 20, LISTED);
    }

    @Test
    void aConfirmedPaperCountCannotBeCorrectedAndItsRateCountsFairlySatisfiedAsSatisfied() {
        LocalDateTime now = TODAY.atTime(15, 0);
        AppraisalSitting s = new AppraisalSitting(7, 3, TODAY, "镇党委会议室", 15, 12, 10, 8, AppraisalMode.PAPER, LISTED, "zhen", now);
        assertThat(s.present()).isEqualTo(20);
        refused(() -> s.confirm("zhen", now), "acceptance.appraisal.tally.notEntered");
        refused(() -> s.enterTally(tally(20, 20, 10, 5, 5, 0, 10, 5, 4, 0), now), "acceptance.appraisal.tally.sum");
        assertThat(s.getLines()).noneMatch(AppraisalLine::entered);
        s.enterTally(tally(20, 19, 10, 5, 3, 1, 12, 6, 1, 0), now);
        s.confirm("zhen", now);
        assertThat(s.getStatus()).isEqualTo(AppraisalStatus.COUNTED);
        refused(() -> s.enterTally(tally(20, 19, 10, 5, 3, 1, 12, 6, 1, 0), now), "acceptance.appraisal.closed");
        refused(() -> s.voidSitting("录错", now), "acceptance.appraisal.void.counted");
        SatisfactionRate r = s.getLines().get(0).rate();
        assertThat(r.ratings()).isEqualTo(18);
        assertThat(r.percent()).isEqualByComparingTo("83.33");
        refused(() -> s.runningBallot(), "acceptance.appraisal.notVoting");
    }
}
