package cn.tierup.identity;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * When a password may be tried: the one statement of the rule against guessing.
 * <ul>
 *   <li>Each account and address pair has a few wrong passwords free; after that the pair waits before its next
 *       try, twice as long after each further wrong one, up to a longest wait. Other addresses are not held back,
 *       so nobody can lock the owner out by typing wrong passwords for them.</li>
 *   <li>An account also has a budget of wrong passwords from all addresses together; once spent, every address
 *       that has not signed in rightly to it recently waits in the same way. A guess spread over many addresses is
 *       bounded, while the owner's usual addresses are never held back by strangers.</li>
 *   <li>Wrong passwords are forgotten after a quiet while; a right one frees its own pair (never the account's
 *       budget, which only time or an administrator resets).</li>
 * </ul>
 * The rule knows names and addresses only as keys: an unknown name is held back exactly as a known one, so the
 * answers never tell which names exist. The store applies it ({@code identity/internal/LoginThrottles}).
 */
public final class LoginThrottlePolicy {

    /** The address key of an account's tally over all addresses. */
    public static final String ALL_ADDRESSES = "*";

    /** A right password this soon after the last one noted is not written again (a busy API client). */
    static final Duration SUCCESS_PRECISION = Duration.ofMinutes(1);

    private final int freePerAddress;
    private final int freePerAccount;
    private final Duration firstWait;
    private final Duration longestWait;
    private final Duration forgetAfter;
    private final Duration trustFor;
    private final int noticeAfter;

    public LoginThrottlePolicy(int freePerAddress, int freePerAccount, Duration firstWait, Duration longestWait,
                               Duration forgetAfter, Duration trustFor, int noticeAfter) {
        if (freePerAddress < 1 || freePerAccount < freePerAddress || noticeAfter < 1) {
            throw new IllegalArgumentException("free wrong passwords: at least 1 per address, no fewer per account");
        }
        if (firstWait.isNegative() || firstWait.isZero() || longestWait.compareTo(firstWait) < 0
                || forgetAfter.compareTo(longestWait) <= 0) {
            // a tally forgotten while its wait runs would free the pair early
            throw new IllegalArgumentException("waits: 0 < first <= longest < forget-after");
        }
        this.freePerAddress = freePerAddress;
        this.freePerAccount = freePerAccount;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.forgetAfter = forgetAfter;
        this.trustFor = trustFor;
        this.noticeAfter = noticeAfter;
    }

    /** What is kept of one account at one address, or at {@link #ALL_ADDRESSES}. */
    public record Tally(int failures, LocalDateTime firstFailureAt, LocalDateTime lastFailureAt,
                        LocalDateTime nextAttemptAt, LocalDateTime lastSuccessAt) {

        public static final Tally NONE = new Tally(0, null, null, null, null);

        boolean waitsAt(LocalDateTime now) {
            return nextAttemptAt != null && nextAttemptAt.isAfter(now);
        }
    }

    /** Whether a try may go ahead, and if not, how long the one trying is told to wait. */
    public record Verdict(boolean admitted, Duration retryAfter) {

        static final Verdict ADMITTED = new Verdict(true, Duration.ZERO);
    }

    /**
     * Asked before the password is checked and again before its result is told, so that a burst of parallel
     * tries gets no more answers than the rule allows.
     */
    public Verdict admits(Tally pair, Tally account, LocalDateTime now) {
        if (pair.waitsAt(now)) {
            return new Verdict(false, waitAfter(pair.failures(), freePerAddress));
        }
        return admitsAccountWide(pair, account, now);
    }

    /** The account's budget alone: spent, it holds back every address but those the owner signed in from. */
    public Verdict admitsAccountWide(Tally pair, Tally account, LocalDateTime now) {
        if (!trusted(pair, now) && account.waitsAt(now)) {
            return new Verdict(false, waitAfter(account.failures(), freePerAccount));
        }
        return Verdict.ADMITTED;
    }

    /** A try whose tally stayed contended beyond reason (a flood on one row) is answered as held back. */
    public Verdict contended() {
        return new Verdict(false, firstWait);
    }

    /** The pair's tally after a wrong password. */
    public Tally afterFailure(Tally pair, LocalDateTime now) {
        return count(pair, now, freePerAddress);
    }

    /** The account's tally over all addresses after a wrong password from any of them. */
    public Tally afterAccountFailure(Tally account, LocalDateTime now) {
        return count(account, now, freePerAccount);
    }

    private Tally count(Tally t, LocalDateTime now, int free) {
        boolean fresh = t.failures() == 0 || forgotten(t, now);
        int failures = fresh ? 1 : t.failures() + 1;
        Duration wait = waitAfter(failures, free);
        // no time at all while free: a parallel try whose clock read a moment earlier must not see a wait
        return new Tally(failures, fresh ? now : t.firstFailureAt(), now, wait.isZero() ? null : now.plus(wait),
                t.lastSuccessAt());
    }

    /** The pair after a right password: its wrong ones forgotten, the address known to the account. */
    public Tally afterSuccess(LocalDateTime now) {
        return new Tally(0, null, null, null, now);
    }

    /** Whether a right password changes what is kept of the pair (most of an API client's calls do not). */
    public boolean successChanges(Tally pair, LocalDateTime now) {
        return pair.failures() != 0 || pair.nextAttemptAt() != null || pair.lastSuccessAt() == null
                || pair.lastSuccessAt().isBefore(now.minus(SUCCESS_PRECISION));
    }

    /** An address that signed in rightly to the account lately is not held back by its budget. */
    public boolean trusted(Tally pair, LocalDateTime now) {
        return pair.lastSuccessAt() != null && pair.lastSuccessAt().isAfter(now.minus(trustFor));
    }

    /** Wrong passwords quiet for this long count no more. */
    public boolean forgotten(Tally t, LocalDateTime now) {
        return t.lastFailureAt() != null && t.lastFailureAt().isBefore(forgetBefore(now));
    }

    /** The wait after the {@code failures}-th wrong password when {@code free} of them are free. */
    Duration waitAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    /** Sustained guessing the administrator is told of: this many wrong passwords against one account. */
    public boolean sustained(Tally account, LocalDateTime now) {
        return account.failures() >= noticeAfter && !forgotten(account, now);
    }

    /**
     * The account tallies at which the audit trail gets an entry: the first sustained count, then each doubling of
     * it, so a long attack leaves a handful of entries rather than one per guess.
     */
    public boolean worthAnEntry(int accountFailures) {
        if (accountFailures < noticeAfter || accountFailures % noticeAfter != 0) {
            return false;
        }
        int multiple = accountFailures / noticeAfter;
        return (multiple & (multiple - 1)) == 0;
    }

    public int noticeAfter() {
        return noticeAfter;
    }

    /** Failures last seen before this are forgotten; the store purges such rows. */
    public LocalDateTime forgetBefore(LocalDateTime now) {
        return now.minus(forgetAfter);
    }

    /** Right sign-ins before this make an address a stranger again; the store purges such rows. */
    public LocalDateTime distrustBefore(LocalDateTime now) {
        return now.minus(trustFor);
    }
}
