package cn.tierup.identity.internal;

import cn.tierup.identity.AccountPrincipal;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.LoginThrottlePolicy.Verdict;
import cn.tierup.identity.Role;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a stranger can learn from the password check: nothing about the account before its right password. */
class ThrottledLoginTest {

    static final Verdict ADMITTED = new Verdict(true, Duration.ZERO);

    final AtomicInteger hashesChecked = new AtomicInteger();
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final PasswordEncoder encoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashesChecked.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    final String hash = bcrypt.encode("Right2026pass");
    final UserDetailsService users = name -> switch (name) {
        case "active" -> new AccountPrincipal(new CurrentUser(1L, "active", "在用", 1L, Role.BRANCH), hash, true);
        case "off" -> new AccountPrincipal(new CurrentUser(2L, "off", "停用", 1L, Role.BRANCH), hash, false);
        default -> throw new UsernameNotFoundException("unknown");
    };
    final LoginThrottle throttle = mock(LoginThrottle.class);
    ThrottledLogin login;

    @BeforeEach
    void admitEverything() {
        when(throttle.check(any(), any())).thenReturn(ADMITTED);
        when(throttle.failed(any(), any())).thenReturn(ADMITTED);
        when(throttle.succeeded(any(), any())).thenReturn(ADMITTED);
        login = new ThrottledLogin(users, encoder, throttle);
    }

    static UsernamePasswordAuthenticationToken attempt(String name, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.5");
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    @Test
    void anUnknownNameCostsAPasswordHashAsAKnownOneDoes() {
        assertThatThrownBy(() -> login.authenticate(attempt("active", "Wrong2026pass"))).isInstanceOf(BadCredentialsException.class);
        int known = hashesChecked.getAndSet(0);
        assertThatThrownBy(() -> login.authenticate(attempt("nobody", "Wrong2026pass"))).isInstanceOf(BadCredentialsException.class);
        assertThat(hashesChecked.get()).isEqualTo(known).isEqualTo(1);
        verify(throttle).failed(eq(new LoginKey("nobody", "10.0.0.5")), any());
    }

    @Test
    void aDisabledAccountIsToldOnlyToOneWhoGaveItsRightPassword() {
        assertThatThrownBy(() -> login.authenticate(attempt("off", "Wrong2026pass"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.authenticate(attempt("off", "Right2026pass"))).isInstanceOf(DisabledException.class);
    }

    @Test
    void aHeldBackPairIsRefusedWithoutSpendingAHash() {
        when(throttle.check(any(), any())).thenReturn(new Verdict(false, Duration.ofSeconds(4)));
        assertThatThrownBy(() -> login.authenticate(attempt("active", "Right2026pass")))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.waitSeconds()).isEqualTo(4));
        assertThat(hashesChecked.get()).isZero();
    }

    @Test
    void theRightPasswordIsNotToldWhenTheThrottleHeldThePairBackMeanwhile() {
        when(throttle.succeeded(any(), any())).thenReturn(new Verdict(false, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> login.authenticate(attempt("active", "Right2026pass"))).isInstanceOf(LoginThrottledException.class);
        when(throttle.failed(any(), any())).thenReturn(new Verdict(false, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> login.authenticate(attempt("active", "Wrong2026pass"))).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void aThrottleThatCannotAnswerRefusesTheLoginAsAnyFailedLoginIs() {
        when(throttle.check(any(), any())).thenThrow(new org.springframework.dao.DataAccessResourceFailureException("down"));
        assertThatThrownBy(() -> login.authenticate(attempt("active", "Right2026pass")))
                .isInstanceOf(org.springframework.security.authentication.InternalAuthenticationServiceException.class);
    }

    @Test
    void theRightPasswordSignsIn() {
        assertThat(login.authenticate(attempt("active", "Right2026pass")).isAuthenticated()).isTrue();
        verify(throttle).succeeded(eq(new LoginKey("active", "10.0.0.5")), any());
    }
}
