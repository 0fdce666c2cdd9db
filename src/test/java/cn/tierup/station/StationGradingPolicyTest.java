package cn.tierup.station;

import cn.tierup.grading.Criterion;
import cn.tierup.grading.Dimension;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Standard;
import cn.tierup.shared.DomainException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a station's classification, on the aggregate and its policy. */
class StationGradingPolicyTest {

    static final long HOST = 42;
    static final long TOWN = 7;
    static final LocalDateTime NOW = LocalDateTime.of(2026, 4, 8, 9, 30);

    static final Standard STANDARD = new Standard(List.of(
            new Dimension("站点运行", List.of(new Criterion("设备完好", 30), new Criterion("正常开放", 20))),
            new Dimension("群众评价", List.of(new Criterion("群众满意", 50)))),
            List.of(new GradeBand("先进", 85, Grade.ADVANCED), new GradeBand("一般", 60, Grade.AVERAGE),
                    new GradeBand("后进", 0, Grade.LAGGING)),
            List.of("站点未正常运行"));

    static StationGrading assessed(int first, int second, int third, Set<Integer> vetoes) {
        StationGrading g = new StationGrading(1, 2, HOST, 3, NOW);
        g.assess(new ScoreSheet(Map.of("1.1", first, "1.2", second, "2.1", third), vetoes), "全年正常开放", STANDARD,
                "cun", "李明", NOW);
        return g;
    }

    static StationGrading submitted(int first, int second, int third) {
        StationGrading g = assessed(first, second, third, Set.of());
        g.submit(NOW);
        return g;
    }

    static java.util.List<Object> events(StationGrading g) {
        java.util.Collection<Object> events = org.springframework.test.util.ReflectionTestUtils.invokeMethod(g, "domainEvents");
        return java.util.List.copyOf(events);
    }

    @Test
    void theProposedGradeIsTheStandardsForTheScore() {
        assertThat(assessed(30, 20, 40, Set.of()).getProposedGrade()).isEqualTo("先进");
        assertThat(assessed(20, 20, 30, Set.of()).getProposedGrade()).isEqualTo("一般");
        assertThat(assessed(10, 10, 10, Set.of()).getProposedGrade()).isEqualTo("后进");
    }

    @Test
    void aStationNotRunningIsLaggingWhateverItsScore() {
        StationGrading g = assessed(30, 20, 50, Set.of(1));
        assertThat(g.getScoreTotal()).isEqualTo(100);
        assertThat(g.getProposedGrade()).isEqualTo("后进");
        assertThat(g.getVetoesHit()).isEqualTo("站点未正常运行");
    }

    @Test
    void aScoreAboveItsCriterionsPointsIsRefused() {
        StationGrading g = new StationGrading(1, 2, HOST, 3, NOW);
        assertThatThrownBy(() -> g.assess(new ScoreSheet(Map.of("1.1", 31), Set.of()), null, STANDARD, "cun", "李明", NOW))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("score.range");
        assertThat(g.getScoreTotal()).isNull();
    }

    @Test
    void theHostCannotDecideItsOwnStationsGrade() {
        StationGrading g = submitted(30, 20, 40);
        assertThatThrownBy(() -> g.decide("先进", null, STANDARD, TOWN, HOST, "cun2", "王芳", NOW))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("station.grading.ownStation");
        assertThat(g.getDecidedGrade()).isNull();
    }

    @Test
    void aGradeOtherThanTheSelfAssessedOneNeedsAReason() {
        StationGrading g = submitted(30, 20, 40);
        assertThatThrownBy(() -> g.decide("一般", " ", STANDARD, TOWN, TOWN, "zhen", "张伟", NOW))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.reason");
        g.decide("一般", "学习记录不全", STANDARD, TOWN, TOWN, "zhen", "张伟", NOW);
        assertThat(g.getDecidedGrade()).isEqualTo("一般");
        assertThat(g.getDecidedLevel()).isEqualTo(Grade.AVERAGE);
        assertThat(g.getDecisionReason()).isEqualTo("学习记录不全");
        assertThat(g.getDecidedByName()).isEqualTo("张伟");
        assertThat(events(g)).singleElement().isInstanceOf(StationGradeDecided.class);
    }

    @Test
    void nothingIsDecidedBeforeTheHostHandsItsSelfAssessmentIn() {
        StationGrading g = assessed(30, 20, 40, Set.of());
        assertThatThrownBy(() -> g.decide("先进", null, STANDARD, TOWN, TOWN, "zhen", "张伟", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.notSubmitted");
    }

    @Test
    void whoeverFilledTheSheetForTheHostDoesNotAlsoDecide() {
        StationGrading g = submitted(30, 20, 40);
        assertThatThrownBy(() -> g.decide("先进", null, STANDARD, TOWN, TOWN, "cun", "李明", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.ownAssessment");
    }

    @Test
    void aHandedInSelfAssessmentIsNotChangedAndAGradeNotOfTheStandardIsRefused() {
        StationGrading g = submitted(30, 20, 40);
        assertThatThrownBy(() -> g.assess(new ScoreSheet(Map.of("1.1", 1), Set.of()), "改", STANDARD, "cun", "李明", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.submitted");
        assertThatThrownBy(() -> g.decide("优秀", null, STANDARD, TOWN, TOWN, "zhen", "张伟", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.grade");
    }

    @Test
    void aDecisionIsReopenedOnlyWithAReasonAndThenDecidedAgainOrAssessedAgain() {
        StationGrading g = submitted(30, 20, 40);
        g.decide("先进", null, STANDARD, TOWN, TOWN, "zhen", "张伟", NOW);
        assertThatThrownBy(() -> g.reopen("", false, "张伟", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.reopenReason");
        assertThat(g.getStatus()).isEqualTo(StationGradingStatus.DECIDED);
        g.reopen("评分依据有误", false, "张伟", NOW);
        assertThat(g.getStatus()).isEqualTo(StationGradingStatus.SUBMITTED);
        assertThat(g.getDecidedGrade()).isNull();
        assertThat(events(g)).last().isInstanceOf(StationGradeReopened.class);
        g.decide("先进", null, STANDARD, TOWN, TOWN, "zhen", "张伟", NOW);
        g.reopen("站点已停用数月", true, "张伟", NOW);
        assertThat(g.getStatus()).isEqualTo(StationGradingStatus.ASSESSING);
    }

    @Test
    void theYearEndRoundTakesTheSameStepsAndRulesAndTellsItsDecisionApart() {
        StationGrading g = new StationGrading(1, 2, StationGradingRound.YEAR_END, HOST, 3, NOW);
        g.assess(new ScoreSheet(Map.of("1.1", 30, "1.2", 20, "2.1", 40), Set.of()), "年末复查", STANDARD, "cun", "李明", NOW);
        g.submit(NOW);
        assertThatThrownBy(() -> g.decide("先进", null, STANDARD, TOWN, HOST, "cun2", "王芳", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.ownStation");
        assertThatThrownBy(() -> g.decide("一般", null, STANDARD, TOWN, TOWN, "zhen", "张伟", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.reason");
        g.decide("先进", null, STANDARD, TOWN, TOWN, "zhen", "张伟", NOW);
        assertThat(g.getRound()).isEqualTo(StationGradingRound.YEAR_END);
        // not a start grade: what follows a 年初定级 (goals, the ledger) is not set off by it
        assertThat(events(g)).singleElement().isInstanceOf(StationYearEndGradeDecided.class);
        g.reopen("复核", true, "张伟", NOW);
        assertThat(events(g)).last().isInstanceOf(StationYearEndGradeReopened.class);
        assertThat(new StationGrading(1, 2, HOST, 3, NOW).getRound()).isEqualTo(StationGradingRound.START);
    }

    @Test
    void aSelfAssessmentIsHandedInOnlyWithItsSheetAndStatement() {
        StationGrading g = new StationGrading(1, 2, HOST, 3, NOW);
        assertThatThrownBy(() -> g.submit(NOW)).extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.sheetFirst");
        g.assess(new ScoreSheet(Map.of("1.1", 30), Set.of()), " ", STANDARD, "cun", "李明", NOW);
        assertThatThrownBy(() -> g.submit(NOW)).extracting(e -> ((DomainException) e).code()).isEqualTo("station.grading.statement");
    }
}
