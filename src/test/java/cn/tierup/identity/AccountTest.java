package cn.tierup.identity;

import cn.tierup.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock-out rules that were here are {@link LoginThrottlePolicy}'s now, tested in LoginThrottlePolicyTest. */
class AccountTest {

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
