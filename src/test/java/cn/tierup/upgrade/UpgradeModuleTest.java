package cn.tierup.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeDecided;
import cn.tierup.grading.GradeReopened;
import cn.tierup.grading.Step;
import cn.tierup.station.StationGradeDecided;
import cn.tierup.station.StationGradeReopened;
import cn.tierup.upgrade.internal.DecidedGrades;
import cn.tierup.upgrade.internal.DecidedStationGrades;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The upgrade module on its own (with the modules it depends on, without the demo city): it keeps
 * its copy of decided grades from grading's events alone, a grade decided again replacing the first,
 * a reopened one withdrawn; and the same of the 远程教育站点 grades from the station module's events. (The audit trail
 * comes along: every module writes to it through a port.)
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "audit")
class UpgradeModuleTest {

    @Autowired DecidedGrades grades;
    @Autowired DecidedStationGrades stationGrades;

    @Test
    void keepsTheGradesDecidedAndDropsThoseReopened(Scenario scenario) {
        long campaign = 31;
        long village = 4201;
        long neighbour = 4202;
        scenario.publish(new GradeDecided(campaign, village, "后进", Grade.LAGGING, LocalDateTime.of(2026, 4, 9, 16, 0)))
                .andWaitForStateChange(() -> grades.decidedAmong(campaign, List.of(village, neighbour)), s -> !s.isEmpty())
                .andVerify(decided -> assertThat(decided).containsExactly(village));

        scenario.publish(new GradeDecided(campaign, village, "一般", Grade.AVERAGE, LocalDateTime.of(2026, 4, 12, 9, 0)))
                .andWaitForStateChange(() -> grades.levelOf(campaign, village).filter(l -> l == Grade.AVERAGE))
                .andVerify(level -> assertThat(grades.decidedAmong(campaign, List.of(village, neighbour))).containsExactly(village));

        scenario.publish(new GradeReopened(campaign, village, Step.DECISION))
                .andWaitForStateChange(() -> grades.decidedAmong(campaign, List.of(village)), Set::isEmpty)
                .andVerify(decided -> assertThat(decided).isEmpty());
    }

    @Test
    void keepsTheStationGradesDecidedAndDropsThoseReopened(Scenario scenario) {
        long campaign = 32;
        long station = 5301;
        long host = 4301;
        scenario.publish(new StationGradeDecided(campaign, station, host, "后进", Grade.LAGGING, LocalDateTime.of(2026, 4, 15, 10, 0)))
                .andWaitForStateChange(() -> stationGrades.of(campaign, station))
                .andVerify(d -> assertThat(d).contains(new DecidedStationGrades.Decided("后进", Grade.LAGGING, host)));

        scenario.publish(new StationGradeDecided(campaign, station, host, "一般", Grade.AVERAGE, LocalDateTime.of(2026, 4, 18, 9, 0)))
                .andWaitForStateChange(() -> stationGrades.of(campaign, station).filter(d -> d.level() == Grade.AVERAGE))
                .andVerify(d -> assertThat(d.get().grade()).isEqualTo("一般"));

        scenario.publish(new StationGradeReopened(campaign, station, host, "评分有误"))
                .andWaitForStateChange(() -> stationGrades.of(campaign, station).isEmpty(), empty -> empty)
                .andVerify(empty -> assertThat(stationGrades.of(campaign, station)).isEmpty());
    }
}
