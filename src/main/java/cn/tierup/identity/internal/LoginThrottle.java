package cn.tierup.identity.internal;

import cn.tierup.identity.LoginThrottlePolicy;
import cn.tierup.identity.LoginThrottlePolicy.Tally;
import cn.tierup.identity.LoginThrottlePolicy.Verdict;
import cn.tierup.identity.internal.LoginThrottles.Rows;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Applies {@link LoginThrottlePolicy} to a login through {@link LoginThrottles}: asked before the password is
 * checked, and told the outcome before it is answered. A wrong password is counted only while the rule admits it,
 * in the same compare-and-set that counts it, so parallel guesses cannot all slip through before the first is
 * counted.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Purges run at most this often per instance, after a write. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** Compare-and-set rounds before a login is refused rather than retried (only under a flood on one row). */
    static final int MAX_ROUNDS = 50;

    private final LoginThrottles store;
    private final LoginThrottlePolicy policy;
    private final LoginAlarm alarm;
    private final Executor executor;
    private final int maxRows;
    private final AtomicReference<LocalDateTime> lastPurge = new AtomicReference<>(LocalDateTime.MIN);

    LoginThrottle(LoginThrottles store, LoginThrottlePolicy policy, LoginAlarm alarm, SecurityProperties properties,
                  @Qualifier("applicationTaskExecutor") Executor executor) {
        this.store = store;
        this.policy = policy;
        this.alarm = alarm;
        this.executor = executor;
        this.maxRows = properties.maxThrottleRows();
    }

    /** Before the password is checked: a held-back pair is refused without spending a hash on it. */
    Verdict check(LoginKey key, LocalDateTime now) {
        Rows rows = store.find(key);
        return policy.admits(rows.pairTally(), rows.accountTally(), now);
    }

    /** A wrong password: counted for the pair and the account if the rule still admits it, else refused. */
    Verdict failed(LoginKey key, LocalDateTime now) {
        Tally pair = null;
        for (int round = 0; pair == null; round++) {
            Rows rows = store.find(key);
            Verdict verdict = policy.admits(rows.pairTally(), rows.accountTally(), now);
            if (!verdict.admitted()) {
                return verdict;
            }
            Tally next = policy.afterFailure(rows.pairTally(), now);
            if (replaced(key.name(), key.address(), rows.pair(), next, now, round)) {
                pair = next;
            }
        }
        Tally account = null;
        for (int round = 0; account == null; round++) {
            Rows rows = store.find(key);
            Verdict verdict = policy.admitsAccountWide(pair, rows.accountTally(), now);
            if (!verdict.admitted()) {
                return verdict;
            }
            Tally next = policy.afterAccountFailure(rows.accountTally(), now);
            if (replaced(key.name(), LoginThrottlePolicy.ALL_ADDRESSES, rows.account(), next, now, round)) {
                account = next;
            }
        }
        if (policy.worthAnEntry(account.failures())) {
            alarm.sound(key.name(), account, now);
        }
        purgeNowAndThen(now);
        return new Verdict(true, Duration.ZERO);
    }

    /** A right password: told only if the rule admits it; frees the pair and makes the address known. */
    Verdict succeeded(LoginKey key, LocalDateTime now) {
        for (int round = 0; ; round++) {
            Rows rows = store.find(key);
            Verdict verdict = policy.admits(rows.pairTally(), rows.accountTally(), now);
            if (!verdict.admitted() || !policy.successChanges(rows.pairTally(), now)) {
                return verdict;
            }
            if (replaced(key.name(), key.address(), rows.pair(), policy.afterSuccess(now), now, round)) {
                purgeNowAndThen(now);
                return verdict;
            }
        }
    }

    private boolean replaced(String name, String address, LoginThrottles.Row expected, Tally next,
                             LocalDateTime now, int round) {
        if (round >= MAX_ROUNDS) {
            throw new LoginThrottledException(policy.contended().retryAfter());
        }
        try {
            return store.replace(name, address, expected, next, now);
        } catch (PessimisticLockingFailureException e) {
            // H2 may report a lost race on the row as a lock failure instead of no row updated: read again
            return false;
        }
    }

    /** Runs the purge on another thread, at most every {@link #PURGE_EVERY} on this instance. */
    private void purgeNowAndThen(LocalDateTime now) {
        LocalDateTime last = lastPurge.get();
        if (last.isAfter(now.minus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        executor.execute(() -> {
            try {
                purge(now);
            } catch (RuntimeException e) {
                log.warn("login throttle purge failed", e);
            }
        });
    }

    /** Deletes the rows the rule no longer needs and keeps at most the configured number. */
    public int purge(LocalDateTime now) {
        return store.purge(policy.forgetBefore(now), policy.distrustBefore(now), now, maxRows);
    }
}
