package cn.tierup.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One piece of work an organisation owes in a phase (e.g. its 自查报告), where it stands, and whether
 * it is late: not handed in after the deadline, or handed in after it.
 */
public record Obligation(long organizationId, String what, ObligationStatus status, LocalDate dueOn,
                         LocalDateTime handedInAt, String link, String note) {

    public boolean late(LocalDate today) {
        if (handedInAt != null) {
            return handedInAt.toLocalDate().isAfter(dueOn);
        }
        return today.isAfter(dueOn);
    }

    /** Overdue and still not handed in: the ones a superior chases. */
    public boolean overdue(LocalDate today) {
        return !status.handedIn() && today.isAfter(dueOn);
    }
}
