package cn.tierup.identity.internal;

import cn.tierup.identity.LoginThrottlePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How wrong passwords are held back ({@code tierup.security.login.*}); each unset value has the default named in
 * the README.
 */
@ConfigurationProperties("tierup.security")
public record SecurityProperties(Login login) {

    public record Login(Integer freePerAddress, Integer freePerAccount, Duration firstWait, Duration longestWait,
                        Duration forgetAfter, Duration trustFor, Integer noticeAfter, Integer maxRows) {
    }

    public LoginThrottlePolicy policy() {
        Login l = login == null ? new Login(null, null, null, null, null, null, null, null) : login;
        return new LoginThrottlePolicy(or(l.freePerAddress(), 5), or(l.freePerAccount(), 20),
                or(l.firstWait(), Duration.ofSeconds(1)), or(l.longestWait(), Duration.ofMinutes(15)),
                or(l.forgetAfter(), Duration.ofHours(1)), or(l.trustFor(), Duration.ofDays(30)),
                or(l.noticeAfter(), 10));
    }

    /** Rows of throttle state kept at most, however many names and addresses are tried. */
    public int maxThrottleRows() {
        return login == null || login.maxRows() == null ? 100_000 : login.maxRows();
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
