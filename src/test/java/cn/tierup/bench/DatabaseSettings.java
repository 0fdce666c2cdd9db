package cn.tierup.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL settings of the benchmark's own database ({@code ALTER DATABASE … SET}): what an operator would put in
 * the server's configuration, tried without restarting the server. A database's setting outranks the server's
 * configuration and command line, but is read when a session starts, so the pool is renewed and every pooled
 * connection (and any other one the benchmark holds) is checked to run with the values of a session started after the
 * change before anything is timed. On a server given by {@code TIERUP_DB_URL} every schema of the test run shares the
 * database, so the settings hold for all of them until reset; the benchmarks reset them when they end.
 */
final class DatabaseSettings {

    /** A connection the benchmark opens outside the pool (its raw side), checked as the pooled ones are. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private DatabaseSettings() {
    }

    /**
     * The alternatives of a knob: {@code |} between alternatives, each {@code default} (the server's settings) or
     * {@code name=value} pairs joined by {@code ,} — e.g. {@code default|max_parallel_workers_per_gather=0}.
     */
    static List<Map<String, String>> alternatives(String knob) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String alternative : knob.split("\\|")) {
            Map<String, String> settings = new LinkedHashMap<>();
            if (!alternative.isBlank() && !alternative.strip().equals("default")) {
                for (String pair : alternative.split(",")) {
                    String[] nv = pair.strip().split("=", 2);
                    assertThat(nv).as("a setting as name=value: " + pair).hasSize(2);
                    assertThat(nv[0].strip()).as("a setting's name").matches("[a-z_]+");
                    assertThat(nv[1].strip()).as("a setting's value").matches("[A-Za-z0-9_.]+");
                    settings.put(nv[0].strip(), nv[1].strip());
                }
            }
            out.add(settings);
        }
        return out;
    }

    /** Every name any alternative sets: what going back to the server's settings resets. */
    static List<String> names(Collection<Map<String, String>> alternatives) {
        return alternatives.stream().flatMap(a -> a.keySet().stream()).distinct().toList();
    }

    static String label(Map<String, String> settings) {
        return settings.isEmpty() ? "the server's settings" : settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * Sets {@code settings} on the pool's database and resets the other {@code names}, then renews the pool and waits
     * (at most 30 s) until every pooled connection and each of {@code others} has them from the database.
     */
    static void apply(DataSource pool, Map<String, String> settings, Collection<String> names, Opener... others)
            throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            String database;
            try (ResultSet r = s.executeQuery("select current_database()")) {
                r.next();
                database = r.getString(1);
            }
            for (String name : names) {
                if (!settings.containsKey(name)) {
                    s.execute("alter database \"" + database + "\" reset " + name);
                }
            }
            for (Map.Entry<String, String> e : settings.entrySet()) {
                s.execute("alter database \"" + database + "\" set " + e.getKey() + " = '" + e.getValue() + "'");
            }
        }
        com.zaxxer.hikari.HikariDataSource hikari = pool.unwrap(com.zaxxer.hikari.HikariDataSource.class);
        hikari.getHikariPoolMXBean().softEvictConnections();
        // what a session started now runs with: every connection the benchmark uses must run with the same
        Map<String, String> expected;
        try (Connection fresh = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())) {
            expected = values(fresh, names);
        }
        for (Map.Entry<String, String> e : settings.entrySet()) {
            assertThat(source(hikari, e.getKey())).as(e.getKey() + " set on the database").isEqualTo("database");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Connection> all = new ArrayList<>();
            boolean everywhere = true;
            try {
                for (int i = 0; i < hikari.getMaximumPoolSize(); i++) {
                    all.add(pool.getConnection());
                }
                for (Opener o : others) {
                    all.add(o.open());
                }
                for (Connection c : all) {
                    everywhere &= values(c, names).equals(expected);
                }
            } catch (SQLException busy) {
                // the application held a connection past the pool's timeout (a background count): try again
                everywhere = false;
            } finally {
                for (Connection c : all) {
                    c.close();
                }
            }
            if (everywhere) {
                return;
            }
            assertThat(System.nanoTime()).as(label(settings) + " on every connection within 60 s").isLessThan(deadline);
            hikari.getHikariPoolMXBean().softEvictConnections();
            Thread.sleep(200);
        }
    }

    /** The values a session runs with, by name. */
    private static Map<String, String> values(Connection c, Collection<String> names) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select setting from pg_settings where name = ?")) {
            for (String name : names) {
                ps.setString(1, name);
                try (ResultSet r = ps.executeQuery()) {
                    assertThat(r.next()).as("PostgreSQL has a setting " + name).isTrue();
                    out.put(name, r.getString(1));
                }
            }
        }
        return out;
    }

    private static String source(com.zaxxer.hikari.HikariDataSource hikari, String name) throws SQLException {
        try (Connection fresh = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
             PreparedStatement ps = fresh.prepareStatement("select source from pg_settings where name = ?")) {
            ps.setString(1, name);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
