package cn.tierup.web;

import java.sql.SQLException;

/**
 * A value the database itself refused: SQLState class 22, "data exception" — a NUL character, which PostgreSQL
 * cannot hold in text (a search for {@code q=%00} failed there), a number out of a column's range, text longer
 * than its column. Such a statement changes nothing and rolls its transaction back, and the value came from the
 * request, so the answer is 400, not a 500 (or, where Spring reports it as an integrity violation, not the 409 of
 * a concurrent change).
 */
final class RefusedValues {

    private RefusedValues() {
    }

    static boolean byTheDatabase(Throwable e) {
        return dataException(e) != null;
    }

    /** The database's own words, for the log. */
    static String reason(Throwable e) {
        SQLException s = dataException(e);
        return s == null ? String.valueOf(e) : s.getSQLState() + " " + s.getMessage();
    }

    private static SQLException dataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("22")) {
                return s;
            }
        }
        return null;
    }
}
