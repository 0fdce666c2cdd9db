package cn.tierup.shared.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tokens a public page hands a browser with its form (one answer per browser on an open questionnaire, one
 * rating per browser on a pledge page): a random id, the time of issue and an HMAC over both and the page they are
 * for, keyed from the installation's secret. A token the server did not issue, one changed on the way, one issued
 * for another page or one older than its lifetime is refused, so a script can no longer make up a cookie per answer;
 * it has to fetch a form for each, which the per-address limit and the organiser's address figures then show.
 * Nothing about the browser is in the token, and the server keeps no list of issued tokens.
 */
@Component
public class BrowserTokens {

    /** What a presented token is worth. */
    public enum Check {
        /** Issued here, for this page, within its lifetime. */
        VALID,
        /** No token at all: the browser keeps no cookies, or the form was never loaded. */
        MISSING,
        /** Not issued here for this page (made up, altered, for another page) or too old. */
        REFUSED
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAC_BYTES = 16;
    /** Instances' clocks may differ a little: a token "issued" this far ahead is still taken. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    @Autowired
    public BrowserTokens(MasterKey master, @Value("${tierup.public.token-lifetime:24h}") Duration lifetime) {
        this(master, lifetime, Clock.systemUTC());
    }

    BrowserTokens(MasterKey master, Duration lifetime, Clock clock) {
        this.key = master.derive("browser-tokens");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** How long an issued token is taken; a browser's cookie is kept that long. */
    public Duration lifetime() {
        return lifetime;
    }

    /** A new token for the page named by {@code scope} (e.g. {@code questionnaire:<slug>}). */
    public String issue(String scope) {
        return issue(scope, clock.instant());
    }

    /** A token as if issued at {@code at}: for tests of expiry. */
    public String issue(String scope, Instant at) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String body = B64.encodeToString(id) + "." + Long.toString(at.getEpochSecond(), 36);
        return body + "." + B64.encodeToString(mac(scope, body));
    }

    public Check check(String scope, String token) {
        if (token == null || token.isBlank()) {
            return Check.MISSING;
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last == first || token.length() > 100) {
            return Check.REFUSED;
        }
        String body = token.substring(0, last);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return Check.REFUSED;
        }
        if (!MessageDigest.isEqual(presented, mac(scope, body))) {
            return Check.REFUSED;
        }
        Instant issued;
        try {
            issued = Instant.ofEpochSecond(Long.parseLong(body.substring(first + 1), 36));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Check.REFUSED;
        }
        Instant now = clock.instant();
        boolean fresh = !issued.isAfter(now.plus(SKEW)) && issued.plus(lifetime).isAfter(now);
        return fresh ? Check.VALID : Check.REFUSED;
    }

    private byte[] mac(String scope, String body) {
        return Arrays.copyOf(MasterKey.hmac(key, scope + "|" + body), MAC_BYTES);
    }
}
