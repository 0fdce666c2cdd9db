package cn.tierup.identity.internal;

import cn.tierup.identity.LoginThrottlePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three doors: the JSON API and the operator's Actuator take HTTP Basic without a session (no cookie,
 * so no CSRF to forge); the pages take a form login with a JDBC session and CSRF on every form.
 */
@Configuration
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * bcrypt for new passwords (cost 10 unless configured: the test suite sets 4, so that hundreds of API
     * calls with HTTP Basic do not spend minutes hashing), and able to verify other formats by their prefix.
     */
    @Bean
    PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${tierup.security.bcrypt-strength:10}") int strength) {
        java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
        encoders.put("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(strength));
        encoders.put("pbkdf2@SpringSecurity_v5_8",
                org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt", encoders);
    }

    @Bean
    LoginThrottlePolicy loginThrottlePolicy(SecurityProperties properties) {
        return properties.policy();
    }

    /** The one password check of every door, behind the login throttle. */
    @Bean
    AuthenticationProvider throttledLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        return new ThrottledLogin(users, encoder, throttle);
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    /**
     * The public answering pages (问卷, 测评, 承诺): no login, no session (a crowd answering from phones
     * must not fill the session table), so no CSRF token either; the answers carry their own one-answer rules.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/q/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable());
        headers(http);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain operatorChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
                .httpBasic(b -> b.realmName("tierup").authenticationEntryPoint(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        headers(http);
        return http.build();
    }

    /**
     * The cockpit's data: the page fetches it from the browser with the session it was opened in, so this part of the
     * API reads (never creates) the login session besides taking the API's credentials. Its one write (一键提醒 of the
     * warnings) needs the page's form token when it comes with the session, so a session carries no write across
     * sites; a client sending its own credentials (an Authorization header) needs none, as on the rest of the API.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dashboardApiChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                          ProblemAccessDeniedHandler deniedHandler) throws Exception {
        http.securityMatcher("/api/dashboard/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.realmName("tierup").authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
                .requestCache(r -> r.disable());
        headers(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                 ProblemAccessDeniedHandler deniedHandler) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/v3/api-docs", "/v3/api-docs.yaml")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.realmName("tierup").authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        headers(http);
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
    }
}
