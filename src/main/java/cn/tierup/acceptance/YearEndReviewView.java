package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An organisation's year-end review as its page and the API show it: the 年初定级 it started from, its approved
 * goal's measures with what was done, the report, the member meeting and its proposal, where the hand-in loop
 * stands, the 年末审定 and — beside it, counted and never typed — the year's figures. {@code id} is null until the
 * first save. {@code canWrite}: the user may write it now; {@code canDecide}: the user is its authority and it
 * waits for the decision (or may be reopened).
 */
public record YearEndReviewView(
        Long id, long campaignId, String campaignName, int year, long organizationId, String organizationName,
        String field, long authorityId, String authorityName, long membersOnRoll,
        String startGrade, Grade startLevel, LocalDateTime startDecidedAt, String previousYearEndGrade,
        List<GradeBand> grades, Goal goal, List<MeasureLine> measures,
        YearEndReviewStatus status, String report,
        LocalDate meetingHeldOn, String meetingPlace, Integer meetingExpected, Integer meetingAttendance,
        Map<String, Integer> votes, String proposedGrade, Grade proposedLevel,
        LocalDateTime handedInAt, String handedInBy, boolean handedInLate, LocalDate dueOn,
        String returnedReason, String returnedBy, LocalDateTime returnedAt,
        String decidedGrade, Grade decidedLevel, String decisionReason, String decidedBy, LocalDateTime decidedAt,
        String reopenReason, String reopenedBy, LocalDateTime reopenedAt,
        String updatedBy, LocalDateTime updatedAt, long version,
        Figures figures, Appraisal appraisal,
        boolean canWrite, boolean canDecide, boolean canReopen) {

    /** The approved 争创目标: the grade aimed for and the statement; null when no goal was approved. */
    public record Goal(String grade, String statement, LocalDateTime approvedAt) {
    }

    /** A measure of the goal and what the organisation reports was done for it. */
    public record MeasureLine(int number, String text, String owner, LocalDate dueOn, String result) {
    }

    /**
     * Counted from the upgrade and pledge records: ledger lines (all, 整改中, 已销号, open past the deadline),
     * assistance arrangements and their visits, published pledge items and those 已兑现, and the public's
     * satisfaction ratings with the rate (满意 + 基本满意) ÷ all ratings.
     */
    public record Figures(long ledgerItems, long ledgerOpen, long ledgerClosed, long ledgerOverdue, long assistances,
                          long visits, long pledgeItems, long pledgeFulfilled, long ratings, long satisfiedRatings,
                          BigDecimal satisfactionRate) {
    }

    /** The 民主测评 counted so far: ratings, (满意 + 基本满意) and their rate, and the sittings held. */
    public record Appraisal(long satisfied, long fairlySatisfied, long dissatisfied, long ratings, BigDecimal rate,
                            int sittings) {
    }
}
