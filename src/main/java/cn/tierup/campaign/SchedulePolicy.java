package cn.tierup.campaign;

import cn.tierup.shared.DomainException;
import java.util.Map;

/**
 * A schedule has all four phases, in order (each starts no earlier than the one before), each phase
 * ends after it starts, its deadline lies within it, and the campaign starts in its own year.
 */
public final class SchedulePolicy {

    private SchedulePolicy() {
    }

    public static void check(int year, Map<Phase, PhaseDates> schedule) {
        PhaseDates previous = null;
        for (Phase p : Phase.values()) {
            PhaseDates d = schedule.get(p);
            if (d == null || d.startsOn() == null || d.endsOn() == null || d.dueOn() == null) {
                throw new DomainException("campaign.phase.missing", p.ordinal() + 1);
            }
            if (d.endsOn().isBefore(d.startsOn())) {
                throw new DomainException("campaign.phase.endBeforeStart", p.ordinal() + 1);
            }
            if (d.dueOn().isBefore(d.startsOn()) || d.dueOn().isAfter(d.endsOn())) {
                throw new DomainException("campaign.phase.dueOutside", p.ordinal() + 1);
            }
            if (previous != null && d.startsOn().isBefore(previous.startsOn())) {
                throw new DomainException("campaign.phase.order", p.ordinal() + 1);
            }
            previous = d;
        }
        if (schedule.get(Phase.SURVEY).startsOn().getYear() != year) {
            throw new DomainException("campaign.phase.year", year);
        }
    }
}
