package cn.tierup.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table of the application, as text: what anyone holding a copy of the database sees. The
 * secrecy tests take it before and after one vote or answer and ask what changed.
 */
public final class DatabaseRows {

    /**
     * Column types read as their bytes: PostgreSQL's driver gives a bytea column as text in its hex form at first and,
     * once a statement has been run often enough to switch to binary transfer, as something else, so the same
     * bytes would read as a change.
     */
    private static final java.util.Set<Integer> BINARY = java.util.Set.of(java.sql.Types.BINARY, java.sql.Types.VARBINARY,
            java.sql.Types.LONGVARBINARY, java.sql.Types.BLOB);

    private DatabaseRows() {
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : java.util.HexFormat.of().formatHex(bytes);
    }

    /**
     * The rows per table. Spring Session's tables, the event registry, the per-address limits and the login throttle
     * are left out: they belong to logins, events and public pages in general, not to a vote, and timers purge them
     * at any moment.
     */
    public static Map<String, List<String>> everything(JdbcClient jdbc) {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> tables = jdbc.sql("select lower(table_name) from information_schema.tables where table_schema = current_schema"
                + " and table_type = 'BASE TABLE' order by 1").query(String.class).list();
        for (String t : tables) {
            if (t.startsWith("spring_session") || t.equals("event_publication") || t.equals("rate_limit_bucket")
                    || t.equals("login_throttle")) {
                continue;
            }
            List<String> rows = jdbc.sql("select * from " + t).query((rs, n) -> {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    b.append(i == 1 ? "" : " | ").append(BINARY.contains(rs.getMetaData().getColumnType(i))
                            ? hex(rs.getBytes(i)) : rs.getString(i));
                }
                return b.toString();
            }).list();
            out.put(t, rows.stream().sorted().toList());
        }
        return out;
    }

    /** Rows in {@code after} but not in {@code before}, per table ("+ row"), and the other way ("- row"). */
    public static Map<String, List<String>> diff(Map<String, List<String>> before, Map<String, List<String>> after) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : after.keySet()) {
            List<String> added = new ArrayList<>(after.get(t));
            before.getOrDefault(t, List.of()).forEach(added::remove);
            List<String> removed = new ArrayList<>(before.getOrDefault(t, List.of()));
            after.get(t).forEach(removed::remove);
            List<String> changes = new ArrayList<>();
            added.forEach(r -> changes.add("+ " + r));
            removed.forEach(r -> changes.add("- " + r));
            if (!changes.isEmpty()) {
                out.put(t, changes);
            }
        }
        return out;
    }
}
