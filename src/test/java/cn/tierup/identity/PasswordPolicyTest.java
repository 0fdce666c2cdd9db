package cn.tierup.identity;

import cn.tierup.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @Test
    void eightOrMoreCharactersWithLettersAndDigitsAreAccepted() {
        assertThatCode(() -> PasswordPolicy.check("tierup26")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("丽春镇党委2026年")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("a1" + "x".repeat(70))).doesNotThrowAnyException();
    }

    @Test
    void shortLongLetterOnlyDigitOnlyAndMissingPasswordsAreRefused() {
        for (String weak : new String[] {null, "", "tier26", "tierupxyz", "20262026", "a1" + "x".repeat(71)}) {
            assertThatThrownBy(() -> PasswordPolicy.check(weak)).isInstanceOf(DomainException.class)
                    .hasMessage("account.password.weak");
        }
    }
}
