package cn.tierup.identity.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What authentication writes on an account, each as one statement that leaves the row's version alone: every API
 * request authenticates, so a read-modify-write of the versioned entity here made parallel requests of one account
 * fail each other. The rules are those of {@link cn.tierup.identity.Account#recordFailedLogin} and
 * {@link cn.tierup.identity.Account#recordSuccessfulLogin}.
 */
@Repository
class LoginRecords {

    /** A last login this recent is not written again, so a busy integration does not rewrite the row per request. */
    static final Duration LAST_LOGIN_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    LoginRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the count of wrong passwords again and notes the login; touches the row only when that changes it. */
    int recordSuccess(String username, LocalDateTime now) {
        return jdbc.sql("""
                        update account set last_login_at = :now, failed_attempts = 0, locked_until = null
                        where username = :username
                          and (last_login_at is null or last_login_at < :stale
                               or failed_attempts <> 0 or locked_until is not null)""")
                .param("now", now)
                .param("stale", now.minus(LAST_LOGIN_PRECISION))
                .param("username", username)
                .update();
    }

    /**
     * Counts a wrong password; the {@code max}-th in a row locks the account until {@code now + lock} and starts
     * the count again. One statement, so concurrent failures are each counted once.
     */
    int recordFailure(String username, int max, Duration lock, LocalDateTime now) {
        return jdbc.sql("""
                        update account set
                          locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end,
                          failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
                        where username = :username""")
                .param("max", max)
                .param("until", now.plus(lock))
                .param("username", username)
                .update();
    }
}
