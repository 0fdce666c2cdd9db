package cn.tierup.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads a whole number in a path, a parameter or a form field (an id, mostly) only as plain decimal
 * digits. Spring's own number editor also decodes "0x1", "#1" and "+1", so "/api/attachments/0x1"
 * reached record 1 under another name; here those are type mismatches, answered as bad requests. An
 * editor, not a converter: when the conversion service refuses a value, the binder falls back to the
 * default editor, which would accept the hexadecimal form after all.
 */
@ControllerAdvice
class DecimalIds {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,19}");

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new DecimalLongEditor(false));
        binder.registerCustomEditor(Long.class, new DecimalLongEditor(true));
    }

    /** Like Spring's number editor for Long: blank is null where null is allowed. */
    private static final class DecimalLongEditor extends PropertyEditorSupport {

        private final boolean allowEmpty;

        DecimalLongEditor(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
        }

        @Override
        public void setAsText(String text) {
            String s = text == null ? "" : text.strip();
            if (s.isEmpty() && allowEmpty) {
                setValue(null);
            } else if (DECIMAL.matcher(s).matches()) {
                setValue(Long.valueOf(s));
            } else {
                throw new IllegalArgumentException("not a decimal number: " + text);
            }
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
