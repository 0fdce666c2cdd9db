package cn.tierup.campaign;

import cn.tierup.shared.Decision;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseWindowPolicyTest {

    /** 对标定级 of the notice: 1 to 30 April, the register due on 10 April. */
    static final PhaseDates APRIL = new PhaseDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 10));

    @Test
    void workOfAPhaseIsRefusedBeforeItStartsNamingThePhaseAndItsFirstDay() {
        Decision d = PhaseWindowPolicy.mayWrite(Phase.GRADING, APRIL, LocalDate.of(2026, 3, 31));
        assertThat(d.isAllowed()).isFalse();
        assertThat(d.code()).isEqualTo("phase.notStarted");
        assertThat(d.args()).containsExactly(Phase.GRADING, LocalDate.of(2026, 4, 1));
    }

    @Test
    void workIsTakenFromTheFirstDayOnAndStillAfterThePhaseEnded() {
        assertThat(PhaseWindowPolicy.mayWrite(Phase.GRADING, APRIL, LocalDate.of(2026, 4, 1)).isAllowed()).isTrue();
        assertThat(PhaseWindowPolicy.mayWrite(Phase.GRADING, APRIL, LocalDate.of(2026, 4, 30)).isAllowed()).isTrue();
        assertThat(PhaseWindowPolicy.mayWrite(Phase.GRADING, APRIL, LocalDate.of(2027, 1, 5)).isAllowed()).isTrue();
    }

    @Test
    void workWrittenAfterThePhasesLastDayIsLateAndOnItsLastDayIsNot() {
        assertThat(PhaseWindowPolicy.late(APRIL, LocalDateTime.of(2026, 4, 30, 23, 59))).isFalse();
        assertThat(PhaseWindowPolicy.late(APRIL, LocalDateTime.of(2026, 5, 1, 0, 0))).isTrue();
        assertThat(PhaseWindowPolicy.late(APRIL, (LocalDateTime) null)).isFalse();
    }

    @Test
    void aGateTellsWhichRecordsOfItsPhaseWereLate() {
        PhaseGate gate = new PhaseGate(Phase.GRADING, PhaseStatus.ENDED, APRIL.startsOn(), APRIL.endsOn(), APRIL.dueOn(), true, null);
        assertThat(gate.late()).isTrue();
        assertThat(gate.lateAt(LocalDateTime.of(2026, 4, 20, 9, 0))).isFalse();
        assertThat(gate.lateAt(LocalDateTime.of(2026, 5, 2, 9, 0))).isTrue();
    }
}
