package cn.tierup.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many wrong passwords in a row lock an account, and for how long. */
@ConfigurationProperties("tierup.security")
public record SecurityProperties(Integer maxFailedLogins, Integer lockMinutes) {

    public int maxFailedLoginsOrDefault() {
        return maxFailedLogins == null ? 5 : maxFailedLogins;
    }

    public int lockMinutesOrDefault() {
        return lockMinutes == null ? 15 : lockMinutes;
    }
}
