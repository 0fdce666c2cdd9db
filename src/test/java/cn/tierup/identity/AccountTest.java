package cn.tierup.identity;

import cn.tierup.shared.DomainException;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 9, 0);
    static final Duration LOCK = Duration.ofMinutes(15);

    final Account account = new Account("zhen", "李镇书", "{bcrypt}hash", 4, Role.SUPERVISOR);

    void fail(int times) {
        for (int i = 0; i < times; i++) {
            account.recordFailedLogin(5, LOCK, NOW);
        }
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForTheLockDuration() {
        fail(4);
        assertThat(account.isLocked(NOW)).isFalse();
        fail(1);
        assertThat(account.isLocked(NOW)).isTrue();
        assertThat(account.isLocked(NOW.plus(LOCK).minusSeconds(1))).isTrue();
        assertThat(account.isLocked(NOW.plus(LOCK))).isFalse();
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        fail(4);
        account.recordSuccessfulLogin(NOW);
        fail(4);
        assertThat(account.isLocked(NOW)).isFalse();
        assertThat(account.getLastLoginAt()).isEqualTo(NOW);
    }

    @Test
    void unlockingLiftsTheLockAndTheCount() {
        fail(5);
        account.unlock();
        assertThat(account.isLocked(NOW)).isFalse();
        assertThat(account.getFailedAttempts()).isZero();
        fail(4);
        assertThat(account.isLocked(NOW)).isFalse();
    }

    @Test
    void usernamesAreThreeToFiftyPlainCharacters() {
        assertThatThrownBy(() -> new Account("ab", "李", "h", 1, Role.MEMBER)).isInstanceOf(DomainException.class)
                .hasMessage("account.username.invalid");
        assertThatThrownBy(() -> new Account("李镇书", "李", "h", 1, Role.MEMBER)).hasMessage("account.username.invalid");
        assertThatThrownBy(() -> new Account(null, "李", "h", 1, Role.MEMBER)).hasMessage("account.username.invalid");
        assertThat(new Account("li.zhen-2026_a", "李", "h", 1, Role.MEMBER).getUsername()).isEqualTo("li.zhen-2026_a");
    }

    @Test
    void anAccountNeedsADisplayNameAndARole() {
        assertThatThrownBy(() -> new Account("cun01", " ", "h", 1, Role.BRANCH)).hasMessage("account.displayName.required");
        assertThatThrownBy(() -> new Account("cun01", "张支书", "h", 1, null)).hasMessage("account.role.required");
    }
}
