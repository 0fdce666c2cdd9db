package cn.tierup.identity.internal;

import cn.tierup.identity.LoginThrottlePolicy.Verdict;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check, for the login form, HTTP Basic and Actuator alike, goes through the throttle: refused before
 * the hash when the account and address must wait, and its outcome told only if the throttle still admits it. The
 * check itself looks at nothing of the account before the password: an unknown name is hashed against a dummy (as
 * Spring Security does), a disabled account says so only to one who gave its right password, so a stranger's
 * answers and their time are the same for every name.
 */
class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        dao.setHideUserNotFoundExceptions(true);
        dao.setPreAuthenticationChecks(user -> {
            // nothing about the account is told before its password is known to be right
        });
        dao.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        dao.afterPropertiesSet();
        this.passwords = dao;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginKey key = LoginKey.of(authentication.getName(), address(authentication));
        admitted(() -> throttle.check(key, LocalDateTime.now()));
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            admitted(() -> throttle.failed(key, LocalDateTime.now()));
            throw e;
        } catch (DisabledException e) {
            // the right password of a disabled account: said only where a right password would be told
            admitted(() -> throttle.check(key, LocalDateTime.now()));
            throw e;
        }
        admitted(() -> throttle.succeeded(key, LocalDateTime.now()));
        return result;
    }

    /** Refuses unless admitted; a throttle that cannot answer refuses too (a 401), never a 500 and never a pass. */
    private static void admitted(Supplier<Verdict> verdict) {
        Verdict v;
        try {
            v = verdict.get();
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("login throttle unavailable", e);
        }
        if (!v.admitted()) {
            throw new LoginThrottledException(v.retryAfter());
        }
    }

    /** The client address as the servlet container reports it (see the README on proxies). */
    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
