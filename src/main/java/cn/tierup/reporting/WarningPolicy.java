package cn.tierup.reporting;

import cn.tierup.questionnaire.QuotaProgress;
import cn.tierup.shared.SatisfactionRate;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The thresholds of the cockpit's early warnings (预警) in one place, and the two rules that compare figures with them:
 * a reader finds here when a ledger line counts as long overdue, when a 后进 organisation must have its help and goal,
 * when a questionnaire is behind its schedule and when a satisfaction rate is too low. The page states each rule in
 * the words of {@code dashboard.warning.<rule>.rule}, which name the same numbers.
 */
public final class WarningPolicy {

    /** A ledger line open more than this many days past its deadline is long overdue. */
    public static final int LEDGER_OVERDUE_DAYS = 30;

    /** This many days into the 晋位升级 phase a 后进 organisation must be assisted and have its goal approved. */
    public static final int UPGRADE_GRACE_DAYS = 30;

    /** A satisfaction rate below this percentage is a warning… */
    public static final int SATISFACTION_FLOOR_PERCENT = 80;

    /** …once at least this many ratings were counted: fewer say too little to warn on. */
    public static final int SATISFACTION_MIN_RATINGS = 20;

    private WarningPolicy() {
    }

    /** Lines whose deadline lies before this day are more than {@link #LEDGER_OVERDUE_DAYS} days overdue today. */
    public static LocalDate ledgerDeadlineBefore(LocalDate today) {
        return today.minusDays(LEDGER_OVERDUE_DAYS);
    }

    /** The day from which a 后进 organisation without assistance or an approved goal is named. */
    public static LocalDate laggingSupportDue(LocalDate upgradeStartsOn) {
        return upgradeStartsOn.plusDays(UPGRADE_GRACE_DAYS);
    }

    /**
     * Behind schedule: the quota not met, and either the window is over or the share of the minimum answered
     * (answered ÷ minimum) is below the share of the window gone by (whole days since it opened ÷ the days it is
     * open, both ends counted) — compared as whole numbers, so no rounding decides it. Nothing is behind before
     * its first day has passed.
     */
    public static boolean behindSchedule(QuotaProgress p, LocalDate opensOn, LocalDate closesOn, LocalDate today) {
        if (p.met() || !today.isAfter(opensOn)) {
            return false;
        }
        long window = ChronoUnit.DAYS.between(opensOn, closesOn) + 1;
        long gone = Math.min(window, ChronoUnit.DAYS.between(opensOn, today));
        return gone >= window || p.total() * window < (long) p.minimum() * gone;
    }

    /** The share of the window gone by, in whole percent (for the page's detail). */
    public static long elapsedPercent(LocalDate opensOn, LocalDate closesOn, LocalDate today) {
        long window = ChronoUnit.DAYS.between(opensOn, closesOn) + 1;
        long gone = Math.max(0, Math.min(window, ChronoUnit.DAYS.between(opensOn, today)));
        return gone * 100 / window;
    }

    /**
     * Too low: at least {@link #SATISFACTION_MIN_RATINGS} ratings and (满意 + 基本满意) ÷ ratings below
     * {@link #SATISFACTION_FLOOR_PERCENT}% — {@link SatisfactionRate}'s rule, compared exactly.
     */
    public static boolean lowSatisfaction(SatisfactionRate r) {
        return r.ratings() >= SATISFACTION_MIN_RATINGS && r.satisfiedOrFairly() * 100 < SATISFACTION_FLOOR_PERCENT * r.ratings();
    }
}
