package cn.tierup.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What an organisation's home page shows around the current phase: what comes next and when, what is still open from
 * earlier years in its subtree, and — for the campaign's root (the city's own account) — every phase's city-wide totals.
 */
public record Outlook(NextStep next, List<EarlierYear> earlier, List<PhaseTotals> totals, LocalDateTime totalsCountedAt,
                      long totalsSeconds, long totalsRenewMinutes) {

    /** The totals counted for this visit ({@code totalsCountedAt} is set when they are an earlier count, see KeptFigures). */
    public Outlook(NextStep next, List<EarlierYear> earlier, List<PhaseTotals> totals) {
        this(next, earlier, totals, null, 0, 0);
    }

    /**
     * The next phase to start ({@code phase}, in {@code campaign}, which is the next year's when this one has ended)
     * and what the organisation will owe in it; {@code phase} null when nothing is scheduled after the current one
     * (the year has ended and no next year's campaign is open).
     */
    public record NextStep(CampaignView campaign, Phase phase, PhaseDates dates, List<Obligation> owed) {
    }

    /** An earlier campaign with its open work, by kind: at most a few shown, with the total and the page of all. */
    public record EarlierYear(CampaignView campaign, List<OpenGroup> groups) {

        public long total() {
            return groups.stream().mapToLong(OpenGroup::total).sum();
        }
    }

    public record OpenGroup(OpenWork.Kind kind, long total, List<OpenWork> shown, String overview) {
    }

    /**
     * A phase's city-wide figures: how many pieces of work the organisations owe in it ({@code owed}), how many are
     * handed in (submitted or accepted), how many accepted, how many overdue (past the deadline, not handed in), and
     * how many organisations owe anything.
     */
    public record PhaseTotals(Phase phase, PhaseStatus status, PhaseDates dates, long organisations, long owed,
                              long handedIn, long accepted, long overdue, boolean counted) {
    }

    /** True when the phase's deadline has passed today. */
    public static boolean past(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }
}
