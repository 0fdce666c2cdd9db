package cn.tierup.campaign;

import cn.tierup.shared.Decision;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * May the work of a phase be written on a day? The one rule every module's writes and every page's form ask:
 * <ul>
 *   <li>before the phase starts: no — the refusal says when it starts (the page shows what will be asked instead
 *       of a form, the API answers the same sentence as a problem);</li>
 *   <li>from its first day: yes;</li>
 *   <li>after its last day: still yes, and what is written then is 逾期 ({@link #late}).</li>
 * </ul>
 * Records that belong to no phase (the member roll, leadership changes, and whatever a campaign records outside
 * its four phases) do not ask it: they can be entered any day.
 */
public final class PhaseWindowPolicy {

    private PhaseWindowPolicy() {
    }

    public static Decision mayWrite(Phase phase, PhaseDates dates, LocalDate today) {
        if (today.isBefore(dates.startsOn())) {
            return Decision.refused("phase.notStarted", phase, dates.startsOn());
        }
        return Decision.allowed();
    }

    /** Work of the phase written on this day is late (逾期): the phase had already ended. */
    public static boolean late(PhaseDates dates, LocalDate writtenOn) {
        return writtenOn != null && writtenOn.isAfter(dates.endsOn());
    }

    public static boolean late(PhaseDates dates, LocalDateTime writtenAt) {
        return writtenAt != null && late(dates, writtenAt.toLocalDate());
    }
}
