package cn.tierup.identity.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts wrong passwords and locks the account for a while after too many in a row. */
@Component
class LoginAttemptListener {

    private final AccountRepository accounts;
    private final SecurityProperties properties;

    LoginAttemptListener(AccountRepository accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.findByUsername(event.getAuthentication().getName()).ifPresent(a ->
                a.recordFailedLogin(properties.maxFailedLoginsOrDefault(),
                        Duration.ofMinutes(properties.lockMinutesOrDefault()), LocalDateTime.now()));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        accounts.findByUsername(event.getAuthentication().getName())
                .ifPresent(a -> a.recordSuccessfulLogin(LocalDateTime.now()));
    }
}
