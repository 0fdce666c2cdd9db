package cn.tierup.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reading what was typed into a form field: empty means absent; a number or date that does not read is
 * a clear refusal ("请输入整数", "日期格式不正确"), never a 500; an unknown choice is absent.
 */
public final class FormValues {

    private FormValues() {
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static Integer integer(String s, Integer fallback) {
        if (blank(s)) {
            return fallback;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("field.number");
        }
    }

    public static Long longValue(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("field.number");
        }
    }

    public static LocalDate date(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("field.date");
        }
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
