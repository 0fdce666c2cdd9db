package cn.tierup.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeDecided;
import cn.tierup.grading.GradeReopened;
import cn.tierup.grading.Step;
import cn.tierup.upgrade.internal.DecidedGrades;
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
 * a reopened one withdrawn. (The audit trail comes along: every module writes to it through a port.)
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "audit")
class UpgradeModuleTest {

    @Autowired DecidedGrades grades;

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
}
