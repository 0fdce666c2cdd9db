package cn.tierup.identity.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords and locks the account for a while after too many in a row; notes the last login.
 * Written through {@link LoginRecords}, never by saving the versioned account, so that requests authenticating
 * at the same time as one account do not contend on its row.
 */
@Component
class LoginAttemptListener {

    private final LoginRecords records;
    private final SecurityProperties properties;

    LoginAttemptListener(LoginRecords records, SecurityProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        records.recordFailure(event.getAuthentication().getName(), properties.maxFailedLoginsOrDefault(),
                Duration.ofMinutes(properties.lockMinutesOrDefault()), LocalDateTime.now());
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        records.recordSuccess(event.getAuthentication().getName(), LocalDateTime.now());
    }
}
