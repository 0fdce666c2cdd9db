package cn.tierup.upgrade;

import cn.tierup.grading.Grade;
import cn.tierup.shared.PageResult;
import java.util.List;

/**
 * 晋位升级 counted over the organisations under one (the same set grading counts): goals handed in and
 * approved, ledger lines open, closed and overdue, 后进 organisations converted, and the weak ones that
 * nobody assists yet — per organisation and added up per unit (a child's subtree). Counted in SQL by
 * {@code internal.UpgradeFigureQueries}.
 */
public interface UpgradeFigures {

    /** One organisation's line. */
    public record Line(long organizationId, String name, String field, String parentName, String grade, Grade level,
                       GoalStatus goalStatus, boolean converted, long items, long open, long overdue, long assists) {

        public boolean weakWithoutAssistance() {
            return level == Grade.LAGGING && assists == 0;
        }
    }

    /** Sums over a set of organisations; {@code unitId} the child organisation a unit's line sums (null for 合计 and the rest). */
    public record Totals(String label, long organizations, long graded, long goalsSubmitted, long goalsApproved,
                         long lagging, long converted, long items, long open, long closed, long overdue,
                         long weakWithoutAssistance, Long unitId) {
    }

    public record Overview(Totals totals, List<Totals> units, List<Line> overdueOrgs, List<Line> unassisted) {
    }

    /** The totals, the units' totals, the organisations with overdue ledger lines and the weak nobody assists. */
    Overview overview(long campaignId, long organizationId);

    /** The organisations under one with their goal and ledger figures; filters by class, goal status and overdue. */
    PageResult<Line> list(long campaignId, long organizationId, Grade level, GoalStatus goal, boolean overdueOnly,
                                 int page, int size);

    /**
     * The organisations under one with ledger lines still open whose deadline lies before {@code before} (the early
     * warning of lines long overdue); each line's {@link Line#overdue()} counts those lines only. One statement.
     */
    List<Line> openSince(long campaignId, long organizationId, java.time.LocalDate before);

    /** The 后进 organisations under one (年初定级) that nobody assists or whose goal is not approved. One statement. */
    List<Line> laggingUnsupported(long campaignId, long organizationId);

    /** One organisation's own ledger lines (all, 整改中, 已销号, past the deadline and open) and its assistance with its visits. */
    public record Own(long items, long open, long closed, long overdue, long assistances, long visits) {
    }

    /** The figures of one organisation alone in a campaign, for its 自查初评 (callers have checked access). */
    Own own(long campaignId, long organizationId);
}
