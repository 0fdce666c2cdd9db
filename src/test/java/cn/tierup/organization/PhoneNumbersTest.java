package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    @Test
    void mobileNumbersAreElevenDigitsFromOneWithoutSpacesOrCountryCode() {
        assertThat(PhoneNumbers.normalise("13812345678")).isEqualTo("13812345678");
        assertThat(PhoneNumbers.normalise(" 138 1234 5678 ")).isEqualTo("13812345678");
        assertThat(PhoneNumbers.normalise("+8613812345678")).isEqualTo("13812345678");
    }

    @Test
    void landlinesHaveAnAreaCodeAndSevenOrEightDigits() {
        assertThat(PhoneNumbers.normalise("028-83912345")).isEqualTo("028-83912345");
        assertThat(PhoneNumbers.normalise("02883912345")).isEqualTo("02883912345");
        assertThat(PhoneNumbers.normalise("0816-2345678")).isEqualTo("0816-2345678");
    }

    @Test
    void otherNumbersAreRefusedWithTheInputInTheMessage() {
        for (String bad : new String[] {"12812345678", "1381234567", "138123456789", "83912345", "028-123456", "电话"}) {
            assertThatThrownBy(() -> PhoneNumbers.normalise(bad)).isInstanceOf(DomainException.class)
                    .hasMessage("phone.invalid")
                    .satisfies(e -> assertThat(((DomainException) e).args()).containsExactly(bad));
        }
    }

    @Test
    void theMaskKeepsThreeDigitsInFrontAndFourBehind() {
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("028-83912345")).isEqualTo("028****2345");
        assertThat(PhoneNumbers.mask(null)).isNull();
        assertThat(PhoneNumbers.mask("12345")).isEqualTo("12345");
    }
}
