package cn.tierup.shared.crypto;

import cn.tierup.testsupport.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a token this installation issued for this page, within its lifetime, is taken. */
class BrowserTokensTest {

    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    final MasterKey key = new MasterKey(TestDatabases.TEST_CRYPTO_KEY, "unused");
    final BrowserTokens tokens = new BrowserTokens(key, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIssuedTokenIsTakenForItsPageOnly() {
        String t = tokens.issue("questionnaire:abc123");
        assertThat(tokens.check("questionnaire:abc123", t)).isEqualTo(BrowserTokens.Check.VALID);
        assertThat(tokens.check("questionnaire:abc124", t)).isEqualTo(BrowserTokens.Check.REFUSED);
        assertThat(tokens.check("pledge:abc123", t)).isEqualTo(BrowserTokens.Check.REFUSED);
    }

    @Test
    void everyIssuedTokenIsDifferent() {
        assertThat(tokens.issue("questionnaire:abc123")).isNotEqualTo(tokens.issue("questionnaire:abc123"));
    }

    @Test
    void aTokenOfAnotherInstallationIsRefused() {
        MasterKey other = new MasterKey("b3RoZXItaW5zdGFsbGF0aW9uLWtleS0wMTIzNDU2Nzg=", "unused");
        String t = new BrowserTokens(other, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC)).issue("questionnaire:abc123");
        assertThat(tokens.check("questionnaire:abc123", t)).isEqualTo(BrowserTokens.Check.REFUSED);
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String t = tokens.issue("questionnaire:abc123");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                continue;
            }
            String changed = t.substring(0, i) + (c == 'a' ? 'b' : 'a') + t.substring(i + 1);
            // the last character of the MAC carries 4 unused bits: an edit there may leave the MAC the same
            if (i == t.length() - 1) {
                continue;
            }
            assertThat(tokens.check("questionnaire:abc123", changed)).as("position " + i).isEqualTo(BrowserTokens.Check.REFUSED);
        }
    }

    @Test
    void aTokenPastItsLifetimeOrDatedAheadIsRefused() {
        String scope = "pledge:xyz789";
        assertThat(tokens.check(scope, tokens.issue(scope, NOW.minus(Duration.ofHours(23))))).isEqualTo(BrowserTokens.Check.VALID);
        assertThat(tokens.check(scope, tokens.issue(scope, NOW.minus(Duration.ofHours(24))))).isEqualTo(BrowserTokens.Check.REFUSED);
        assertThat(tokens.check(scope, tokens.issue(scope, NOW.plus(Duration.ofMinutes(2))))).isEqualTo(BrowserTokens.Check.VALID);
        assertThat(tokens.check(scope, tokens.issue(scope, NOW.plus(Duration.ofMinutes(10))))).isEqualTo(BrowserTokens.Check.REFUSED);
    }

    @Test
    void madeUpAndMissingTokensAreToldApart() {
        assertThat(tokens.check("questionnaire:abc123", null)).isEqualTo(BrowserTokens.Check.MISSING);
        assertThat(tokens.check("questionnaire:abc123", " ")).isEqualTo(BrowserTokens.Check.MISSING);
        for (String madeUp : new String[] {"browser-a", "a.b", "a.b.c", "..", "x.zzzzzzzzzzzzzz.AAAAAAAAAAAAAAAAAAAAAA", "a".repeat(200)}) {
            assertThat(tokens.check("questionnaire:abc123", madeUp)).as(madeUp).isEqualTo(BrowserTokens.Check.REFUSED);
        }
    }
}
