package cn.tierup.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A phase's window as a page shows it today: {@code open} when its work may be written (from its first day on,
 * late after its last), else {@code notice} says when it starts, in the words the API's refusal uses. Lists ask
 * it which of their records were written late ({@link PhaseWindowPolicy#late}).
 */
public record PhaseGate(Phase phase, PhaseStatus status, LocalDate startsOn, LocalDate endsOn, LocalDate dueOn,
                        boolean open, String notice) {

    /** After the phase's last day: what is written now is 逾期. */
    public boolean late() {
        return status == PhaseStatus.ENDED;
    }

    /** Whether a record of this phase written at that time is 逾期. */
    public boolean lateAt(LocalDateTime writtenAt) {
        return PhaseWindowPolicy.late(dates(), writtenAt);
    }

    public boolean lateOn(LocalDate writtenOn) {
        return PhaseWindowPolicy.late(dates(), writtenOn);
    }

    private PhaseDates dates() {
        return new PhaseDates(startsOn, endsOn, dueOn);
    }
}
