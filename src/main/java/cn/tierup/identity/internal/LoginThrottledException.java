package cn.tierup.identity.internal;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login held back by the throttle: told how long to wait, never whether the name exists. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("held back for " + wait);
        this.wait = wait;
    }

    /** Whole seconds, rounded up, at least one. */
    public long waitSeconds() {
        long s = (wait.toMillis() + 999) / 1000;
        return Math.max(1, s);
    }
}
