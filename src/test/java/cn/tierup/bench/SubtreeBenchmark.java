package cn.tierup.bench;

import cn.tierup.organization.Field;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.OrganizationRow;
import cn.tierup.organization.internal.OrganizationQueries;
import cn.tierup.setup.ProvinceDataGenerator;
import cn.tierup.shared.PageResult;
import cn.tierup.testsupport.StatementLog;
import cn.tierup.testsupport.TestDatabases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subtree listing at province scale (about 100,000 organisations), run by {@code mvn -Pbench verify}
 * on embedded PostgreSQL: a page of 20 with its total for counties, towns and the whole province, through
 * {@link OrganizationQueries#subtree} and through raw JDBC running the very SQL it prepares (one open
 * connection, the statement prepared per call, rows read into the same record). Each case cycles over
 * many organisations of its level, after a warm-up; the two sides alternate call by call, and ops/s is
 * iterations ÷ the summed time of that side's calls. Prints and writes a Markdown table; it asserts only
 * that both sides return the same pages, never a time.
 */
@SpringBootTest(properties = {"tierup.demo.enabled=false", "logging.level.root=WARN"})
@Import(StatementLog.Config.class)
class SubtreeBenchmark {

    private static final int ITERATIONS = Integer.getInteger("bench.iterations", 2000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int PAGE = 20;

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationQueries queries;

    @Test
    void subtreeListingAtProvinceScale() throws Exception {
        ProvinceDataGenerator.Result province = new ProvinceDataGenerator(dataSource)
                .generate(ProvinceDataGenerator.Options.province());
        String sql = StatementLog.record(() -> queries.subtree("/", null, null, null, false, 0, PAGE))
                .statements().get(0);
        assertThat(sql).contains("like '/%'");

        List<String> out = new ArrayList<>();
        out.add("| case | rows in subtree (avg) | ours ops/s | ours p50 ms | ours p99 ms | raw JDBC ops/s | raw p50 ms | raw p99 ms | ours ÷ raw (ops/s) |");
        out.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        out.add(run("county (县, depth 2)", prefixes(2, 98), sql, ITERATIONS));
        out.add(run("town (乡镇, depth 3)", prefixes(3, 500), sql, ITERATIONS));
        out.add(run("whole province (省, depth 0)", prefixes(0, 1), sql, Math.max(20, ITERATIONS / 50)));

        String header = "SubtreeBenchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + ", " + (TestDatabases.postgres() ? TestDatabases.postgresServer() + " " + durability() : "H2") + ", " + province.organizations()
                + " organisations generated in " + province.millis() + " ms, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", " + ITERATIONS + " iterations per case after "
                + WARMUP + " warm-up (province: " + Math.max(20, ITERATIONS / 50) + ")";
        String report = header + "\n\n" + String.join("\n", out) + "\n";
        BenchMachine.publish("SubtreeBenchmark", report);
    }

    /** Up to {@code n} path prefixes of organisations at {@code depth}, shuffled with a fixed seed. */
    private List<String> prefixes(int depth, int n) {
        List<String> all = new ArrayList<>(jdbc.sql("select path from organization where depth = :d order by id")
                .param("d", depth).query(String.class).list());
        Collections.shuffle(all, new Random(7));
        return all.subList(0, Math.min(n, all.size()));
    }

    private String run(String name, List<String> prefixes, String sql, int iterations) throws SQLException {
        int warmup = Math.min(WARMUP, iterations);
        try (Connection c = dataSource.getConnection()) {
            Raw ps = new Raw(c, sql);
            // Both sides give the same pages before anything is timed.
            for (String prefix : prefixes.subList(0, Math.min(5, prefixes.size()))) {
                PageResult<OrganizationRow> ours = queries.subtree(prefix, null, null, null, false, 0, PAGE);
                PageResult<OrganizationRow> raw = raw(ps, prefix);
                assertThat(raw).isEqualTo(ours);
            }
            long rows = 0;
            for (String prefix : prefixes) {
                rows += raw(ps, prefix).total();
            }
            long avgRows = rows / prefixes.size();
            for (int i = 0; i < warmup; i++) {
                queries.subtree(prefixes.get(i % prefixes.size()), null, null, null, false, 0, PAGE);
                raw(ps, prefixes.get(i % prefixes.size()));
            }
            // Ours and raw alternate (and swap who goes first), so both see the same load on a shared machine.
            long[] ours = new long[iterations];
            long[] raws = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                String prefix = prefixes.get(i % prefixes.size());
                if (i % 2 == 0) {
                    ours[i] = timeOurs(prefix);
                    raws[i] = timeRaw(ps, prefix);
                } else {
                    raws[i] = timeRaw(ps, prefix);
                    ours[i] = timeOurs(prefix);
                }
            }
            double oursSeconds = LongStream.of(ours).sum() / 1e9;
            double rawSeconds = LongStream.of(raws).sum() / 1e9;
            double oursRate = iterations / oursSeconds;
            double rawRate = iterations / rawSeconds;
            return String.format("| %s | %,d | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.2f |", name, avgRows,
                    oursRate, percentile(ours, 50), percentile(ours, 99), rawRate, percentile(raws, 50),
                    percentile(raws, 99), oursRate / rawRate);
        }
    }

    private long timeOurs(String prefix) {
        long t = System.nanoTime();
        queries.subtree(prefix, null, null, null, false, 0, PAGE);
        return System.nanoTime() - t;
    }

    private static long timeRaw(Raw ps, String prefix) throws SQLException {
        long t = System.nanoTime();
        raw(ps, prefix);
        return System.nanoTime() - t;
    }

    /**
     * Plain JDBC on one open connection: the statement the application prepares, with the subtree's path in
     * place of the one it was recorded with (the path is part of the text), prepared, bound, read into the
     * same record.
     */
    private record Raw(Connection connection, String sql) {
    }

    private static PageResult<OrganizationRow> raw(Raw raw, String prefix) throws SQLException {
        List<OrganizationRow> rows = new ArrayList<>(PAGE);
        long total = 0;
        try (PreparedStatement ps = raw.connection().prepareStatement(raw.sql().replace("like '/%'", "like '" + prefix + "%'"))) {
            ps.setInt(1, PAGE);
            ps.setLong(2, 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong("total_rows");
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    rows.add(new OrganizationRow(rs.getLong("id"), parentId, rs.getString("parent_name"),
                            rs.getString("name"), OrgKind.valueOf(rs.getString("kind")), Field.valueOf(rs.getString("field")),
                            rs.getInt("depth"), rs.getString("secretary"), rs.getBoolean("retired"),
                            rs.getLong("child_count"), rs.getLong("member_count"), rs.getLong("member_count")));
                }
            }
        }
        return new PageResult<>(rows, 0, PAGE, total);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** The server and its commit settings, for the header: this benchmark only reads, so no figure waits on a commit. */
    private String durability() {
        return jdbc.sql("show server_version").query(String.class).single() + " (synchronous_commit="
                + jdbc.sql("show synchronous_commit").query(String.class).single() + ", fsync="
                + jdbc.sql("show fsync").query(String.class).single() + "; reads only)";
    }
}
