package cn.tierup.identity.internal;

import java.time.LocalDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Notes the last login, through {@link LoginRecords}, never by saving the versioned account, so that requests
 * authenticating at the same time as one account do not contend on its row. Wrong passwords are counted where the
 * password is checked ({@link ThrottledLogin}), not here.
 */
@Component
class LoginAttemptListener {

    private final LoginRecords records;

    LoginAttemptListener(LoginRecords records) {
        this.records = records;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        records.recordSuccess(event.getAuthentication().getName(), LocalDateTime.now());
    }
}
