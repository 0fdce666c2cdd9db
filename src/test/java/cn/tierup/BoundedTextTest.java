package cn.tierup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import org.junit.jupiter.api.Test;

class BoundedTextTest {

    @Test
    void aRequiredNameIsStrippedAndRefusedBlankOrTooLongWithItsOwnReasons() {
        assertThat(BoundedText.PERSON_NAME.required("  张建国 ", "leadership.name")).isEqualTo("张建国");
        assertThatThrownBy(() -> BoundedText.PERSON_NAME.required("   ", "campaign.name.required", "field.tooLong"))
                .isInstanceOf(DomainException.class).hasMessage("campaign.name.required");
        assertThatThrownBy(() -> BoundedText.PERSON_NAME.required("李".repeat(51), "campaign.name.required", "field.tooLong"))
                .hasMessage("field.tooLong");
        assertThat(BoundedText.PERSON_NAME.required("李".repeat(50), "leadership.name")).hasSize(50);
    }

    @Test
    void anOptionalTextIsNullWhenNothingWasTyped() {
        assertThat(BoundedText.TEXT.optional(" \n ", "field.tooLong")).isNull();
        assertThatThrownBy(() -> BoundedText.TITLE.optional("考".repeat(201), "field.tooLong")).hasMessage("field.tooLong");
    }

    @Test
    void aReasonKeptBesideARecordIsClippedNotRefused() {
        assertThat(BoundedText.REASON.clip(" " + "因".repeat(1200))).hasSize(1000);
        assertThat(BoundedText.REASON.clip(null)).isNull();
    }
}
