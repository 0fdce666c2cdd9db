package cn.tierup.web;

import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a number in a path or a parameter (an id, mostly) only as plain decimal digits. Spring's own
 * conversion also accepts "0x1", "#1" and "+1", so "/api/attachments/0x1" would reach record 1 under
 * another name; here those are type mismatches, answered as bad requests. Boot puts converter beans
 * into the MVC conversion service, ahead of the general String → Number conversion.
 */
@Component
class DecimalLongConverter implements Converter<String, Long> {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,19}");

    @Override
    public Long convert(String source) {
        String s = source.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("not a decimal number: " + source);
        }
        return Long.valueOf(s);
    }
}
