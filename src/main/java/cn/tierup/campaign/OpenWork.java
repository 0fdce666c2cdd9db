package cn.tierup.campaign;

import java.time.LocalDate;

/**
 * Work of an earlier campaign still open for an organisation: a ledger line past its deadline and not closed, a
 * published pledge with items not yet fulfilled, a grade not decided. {@code link} opens it in that campaign's year.
 */
public record OpenWork(Kind kind, long organizationId, String organizationName, String what, LocalDate dueOn, String link) {

    /** The kinds, in the order the home page lists them. */
    public enum Kind {
        LEDGER_OVERDUE, PLEDGE_UNFULFILLED, GRADE_UNDECIDED
    }
}
