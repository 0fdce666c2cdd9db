package cn.tierup.identity;

import cn.tierup.identity.LoginThrottlePolicy.Tally;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottlePolicyTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 9, 0);

    final LoginThrottlePolicy policy = new LoginThrottlePolicy(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofDays(30), 10);

    Tally pairAfter(int failures, LocalDateTime at) {
        Tally t = Tally.NONE;
        for (int i = 0; i < failures; i++) {
            t = policy.afterFailure(t, at);
        }
        return t;
    }

    Tally accountAfter(int failures, LocalDateTime at) {
        Tally t = Tally.NONE;
        for (int i = 0; i < failures; i++) {
            t = policy.afterAccountFailure(t, at);
        }
        return t;
    }

    boolean admitted(Tally pair, Tally account, LocalDateTime at) {
        return policy.admits(pair, account, at).admitted();
    }

    @Test
    void fourWrongPasswordsFromOneAddressCostNothingTheFifthMakesThePairWaitOneSecond() {
        assertThat(admitted(pairAfter(4, NOW), Tally.NONE, NOW)).isTrue();
        assertThat(admitted(pairAfter(4, NOW), Tally.NONE, NOW.minusSeconds(1)))
                .as("a parallel try whose clock read a moment earlier").isTrue();
        Tally five = pairAfter(5, NOW);
        assertThat(policy.admits(five, Tally.NONE, NOW)).isEqualTo(new LoginThrottlePolicy.Verdict(false, Duration.ofSeconds(1)));
        assertThat(admitted(five, Tally.NONE, NOW.plusNanos(999_000_000))).isFalse();
        assertThat(admitted(five, Tally.NONE, NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void eachFurtherWrongPasswordDoublesTheWaitUpToTheLongest() {
        Tally t = pairAfter(5, NOW);
        LocalDateTime at = NOW;
        for (long expected : new long[] {2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900}) {
            at = t.nextAttemptAt();
            t = policy.afterFailure(t, at);
            assertThat(Duration.between(at, t.nextAttemptAt())).isEqualTo(Duration.ofSeconds(expected));
        }
        assertThat(policy.admits(t, Tally.NONE, at).retryAfter()).isEqualTo(Duration.ofMinutes(15));
        for (int i = 0; i < 100; i++) {
            t = policy.afterFailure(t, t.nextAttemptAt());
        }
        assertThat(Duration.between(t.lastFailureAt(), t.nextAttemptAt())).as("no overflow").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aRightPasswordFreesThePairAndMakesItsAddressKnown() {
        Tally freed = policy.afterSuccess(NOW);
        assertThat(freed.failures()).isZero();
        assertThat(admitted(freed, Tally.NONE, NOW)).isTrue();
        assertThat(policy.trusted(freed, NOW.plusDays(29))).isTrue();
        assertThat(policy.trusted(freed, NOW.plusDays(30))).isFalse();
        assertThat(admitted(policy.afterFailure(policy.afterFailure(freed, NOW), NOW), Tally.NONE, NOW))
                .as("counted from zero again").isTrue();
        assertThat(policy.afterFailure(freed, NOW).lastSuccessAt()).as("a wrong password keeps the address known")
                .isEqualTo(NOW);
    }

    @Test
    void wrongPasswordsQuietForAnHourAreForgotten() {
        Tally t = pairAfter(7, NOW);
        LocalDateTime later = NOW.plusHours(1).plusSeconds(1);
        assertThat(policy.forgotten(t, later)).isTrue();
        Tally again = policy.afterFailure(t, later);
        assertThat(again.failures()).isEqualTo(1);
        assertThat(again.firstFailureAt()).isEqualTo(later);
        assertThat(admitted(again, Tally.NONE, later)).isTrue();
    }

    @Test
    void theAccountsBudgetHoldsBackEveryAddressItNeverSignedInFromButNotItsKnownOnes() {
        Tally account = accountAfter(19, NOW);
        assertThat(admitted(Tally.NONE, account, NOW)).isTrue();
        account = policy.afterAccountFailure(account, NOW);
        assertThat(policy.admits(Tally.NONE, account, NOW)).isEqualTo(new LoginThrottlePolicy.Verdict(false, Duration.ofSeconds(1)));
        Tally known = policy.afterSuccess(NOW.minusDays(3));
        assertThat(admitted(known, account, NOW)).isTrue();
        Tally longAgo = policy.afterSuccess(NOW.minusDays(31));
        assertThat(admitted(longAgo, account, NOW)).as("known too long ago").isFalse();
        assertThat(admitted(Tally.NONE, policy.afterAccountFailure(account, NOW.plusSeconds(1)), NOW.plusSeconds(2)))
                .as("the next wrong one doubles the wait").isFalse();
    }

    @Test
    void aKnownAddressStillWaitsForItsOwnWrongPasswords() {
        Tally known = policy.afterSuccess(NOW.minusDays(1));
        for (int i = 0; i < 5; i++) {
            known = policy.afterFailure(known, NOW);
        }
        assertThat(admitted(known, Tally.NONE, NOW)).isFalse();
    }

    @Test
    void theAuditTrailIsToldAtTheSustainedCountAndAtEachDoublingOnly() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 200).filter(policy::worthAnEntry).boxed().toList())
                .containsExactly(10, 20, 40, 80, 160);
        assertThat(policy.sustained(accountAfter(9, NOW), NOW)).isFalse();
        assertThat(policy.sustained(accountAfter(10, NOW), NOW)).isTrue();
        assertThat(policy.sustained(accountAfter(10, NOW), NOW.plusHours(2))).as("forgotten").isFalse();
    }

    @Test
    void aBusyClientsRightPasswordsAreWrittenAtMostOnceAMinute() {
        Tally freed = policy.afterSuccess(NOW);
        assertThat(policy.successChanges(Tally.NONE, NOW)).isTrue();
        assertThat(policy.successChanges(freed, NOW.plusSeconds(59))).isFalse();
        assertThat(policy.successChanges(freed, NOW.plusSeconds(61))).isTrue();
        assertThat(policy.successChanges(policy.afterFailure(freed, NOW), NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void settingsThatWouldFreeAWaitingPairEarlyAreRefused() {
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 20, Duration.ofSeconds(1), Duration.ofHours(2),
                Duration.ofHours(1), Duration.ofDays(30), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, 3, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofDays(30), 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
