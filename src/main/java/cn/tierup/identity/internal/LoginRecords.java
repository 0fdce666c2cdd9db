package cn.tierup.identity.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What authentication writes on an account, as one statement that leaves the row's version alone: every API
 * request authenticates, so a read-modify-write of the versioned entity here made parallel requests of one account
 * fail each other. Wrong passwords are not the account's business: {@link LoginThrottle} keeps them.
 */
@Repository
class LoginRecords {

    /** A last login this recent is not written again, so a busy integration does not rewrite the row per request. */
    static final Duration LAST_LOGIN_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    LoginRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes the login; touches the row only when the last one noted is older than the precision. */
    int recordSuccess(String username, LocalDateTime now) {
        return jdbc.sql("""
                        update account set last_login_at = :now
                        where username = :username and (last_login_at is null or last_login_at < :stale)""")
                .param("now", now)
                .param("stale", now.minus(LAST_LOGIN_PRECISION))
                .param("username", username)
                .update();
    }
}
