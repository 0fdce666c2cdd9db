package cn.tierup.testsupport;

import cn.tierup.shared.OfficeTimeZone;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today as the offices count it (China Standard Time). The application makes that zone the JVM's default when its
 * context starts, but a test's fields are set before: a test JVM whose first class reads {@code LocalDate.now()} in a
 * field initialiser on a UTC machine after 16:00 would get yesterday. (The tests run the application in its default
 * zone, never another {@code tierup.time-zone}.)
 */
public final class OfficeDay {

    private static final ZoneId ZONE = ZoneId.of(OfficeTimeZone.DEFAULT);

    private OfficeDay() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
