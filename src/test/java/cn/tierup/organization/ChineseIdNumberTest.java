package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseIdNumberTest {

    @Test
    void aNumberWithTheRightCheckCharacterGivesItsBirthDateAndSex() {
        ChineseIdNumber id = ChineseIdNumber.parse(ChineseIdNumber.withCheckDigit("51018219850317003"));
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 3, 17));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(ChineseIdNumber.parse(ChineseIdNumber.withCheckDigit("51018219850317004")).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void theCheckCharacterXIsAcceptedInEitherCase() {
        // the GB 11643-1999 example
        assertThat(ChineseIdNumber.parse("11010519491231002X").value()).isEqualTo("11010519491231002X");
        assertThat(ChineseIdNumber.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
        assertThat(ChineseIdNumber.parse("11010519491231002X").sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThatThrownBy(() -> ChineseIdNumber.parse("110105194912310021"))
                .isInstanceOf(DomainException.class).hasMessage("member.idNumber.checksum");
    }

    @Test
    void aNumberWhoseBirthDateDoesNotExistIsRefused() {
        String feb30 = ChineseIdNumber.withCheckDigit("51018219850230003");
        assertThatThrownBy(() -> ChineseIdNumber.parse(feb30))
                .isInstanceOf(DomainException.class).hasMessage("member.idNumber.format");
    }

    @Test
    void anythingButSeventeenDigitsAndADigitOrXIsRefused() {
        for (String bad : new String[] {null, "", "5101821985031700", "5101821985031700311", "51018219850317A031",
                "11010519491231002Y"}) {
            assertThatThrownBy(() -> ChineseIdNumber.parse(bad))
                    .isInstanceOf(DomainException.class).hasMessage("member.idNumber.format");
        }
    }

    @Test
    void theMaskShowsTheFirstAndLastFourOnly() {
        assertThat(ChineseIdNumber.mask("510104199001011234")).isEqualTo("5101**********1234");
        assertThat(ChineseIdNumber.mask(null)).isNull();
        assertThat(ChineseIdNumber.mask("1234567")).isEqualTo("1234567");
    }
}
