package cn.tierup.bench;

import cn.tierup.organization.internal.PiiCipher;
import cn.tierup.setup.ProvinceDataGenerator;
import cn.tierup.shared.crypto.MasterKey;
import cn.tierup.testsupport.ApplicationProcess;
import cn.tierup.testsupport.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two large downloads, 党组织名单 (about 100,000 organisations) and 党员名册 (a province's roll, {@code
 * -Dbench.members}, default 200,000; the province has about 2,000,000), from the real application in a JVM of its
 * own with a 256 MB heap ({@code -Dbench.heap}), over HTTP as the pages download them, on the synthetic province
 * of {@link ProvinceDataGenerator} (every person given an encrypted ID number and phone, so each row is decrypted as
 * in production). Ours: request to last byte, the file read as it arrives and its rows counted from the sheets'
 * XML (nothing kept). Raw: the same SQL on one JDBC connection in a read-only transaction with the same fetch size,
 * every column read and nothing written. The two alternate round by round. Peak heap: the application's GC log
 * ({@code -Xlog:gc}), the most used before any collection during that download. Asserts only that every row
 * arrived and the application stayed up, never a time.
 */
class ExportBenchmark {

    private static final int MEMBERS = Integer.getInteger("bench.members", 200_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String HEAP = System.getProperty("bench.heap", "-Xmx256m");
    private static final int FETCH = 1000;

    @Test
    void provinceExportsInAQuarterGigabyteHeap() throws Exception {
        Path dir = Path.of(System.getProperty("tierup.bench.out", "target/bench"), "export-app");
        Files.createDirectories(dir);
        Path gcLog = dir.resolve("gc.log");
        Files.deleteIfExists(gcLog);
        TestDatabases.stopServersOnExit();
        TestDatabases.Database db = TestDatabases.newDatabase();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (ApplicationProcess app = new ApplicationProcess(dir)) {
            app.jvm(HEAP, "-Xlog:gc:file=" + gcLog).start("app", db.url(), db.user(), db.password(),
                    "--tierup.crypto.key=" + TestDatabases.TEST_CRYPTO_KEY, "--logging.level.root=WARN").awaitCampaign();

            DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.user(), db.password());
            JdbcClient jdbc = JdbcClient.create(ds);
            int perBranch = Math.max(1, (int) Math.round(MEMBERS / 98_400.0 - 0.5));
            ProvinceDataGenerator.Result province = new ProvinceDataGenerator(ds)
                    .generate(ProvinceDataGenerator.Options.province().withMembers(perBranch));
            long encrypt = System.nanoTime();
            PiiCipher cipher = new PiiCipher(new MasterKey(TestDatabases.TEST_CRYPTO_KEY, ""));
            jdbc.sql("update member set id_number = :id, phone = :phone where id_number is null")
                    .param("id", cipher.encrypt("510182197001010018")).param("phone", cipher.encrypt("13800001234")).update();
            jdbc.sql("vacuum analyze member").update();
            long encryptMs = (System.nanoTime() - encrypt) / 1_000_000;
            // the administrator keeps the province: the export's root is the account's own organisation
            jdbc.sql("update account set organization_id = :root where username = 'admin'").param("root", province.rootId()).update();
            String rootPath = "/" + province.rootId() + "/";

            List<Case> cases = List.of(
                    new Case("党组织名单 (organisations)", "/api/orgs/export.xlsx", province.organizations(), ORG_SQL, rootPath),
                    new Case("党员名册 (members)", "/api/members/export.xlsx?org=" + province.rootId() + "&subtree=true",
                            province.members(), MEMBER_SQL, rootPath));
            // one untimed pass of each, so neither side is timed cold
            for (Case c : cases) {
                ours(app, gcLog, c);
                raw(ds, c);
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Case c : cases) {
                    if (round % 2 == 0) {
                        c.ours.add(ours(app, gcLog, c));
                        c.raw.add(raw(ds, c));
                    } else {
                        c.raw.add(raw(ds, c));
                        c.ours.add(ours(app, gcLog, c));
                    }
                }
            }
            assertThat(app.alive()).as("the application survived every export: " + app.logTail()).isTrue();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            List<String> out = new ArrayList<>();
            out.add("| export | rows | sheets | file MB | ours s (best / median) | ours rows/s | peak heap used MB (max of rounds) | heap committed MB | raw JDBC s (median) | raw rows/s | ours ÷ raw (rows/s) |");
            out.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Case c : cases) {
                Run best = c.ours.stream().min((a, b) -> Long.compare(a.nanos, b.nanos)).orElseThrow();
                double oursMedian = median(c.ours.stream().mapToLong(r -> r.nanos).toArray()) / 1e9;
                double rawMedian = median(c.raw.stream().mapToLong(r -> r.nanos).toArray()) / 1e9;
                double oursRate = c.rows / oursMedian;
                double rawRate = c.rows / rawMedian;
                out.add(String.format("| %s | %,d | %d | %.1f | %.2f / %.2f | %,.0f | %d | %d | %.2f | %,.0f | %.2f |", c.name, c.rows,
                        best.sheets, best.bytes / 1e6, best.nanos / 1e9, oursMedian, oursRate,
                        c.ours.stream().mapToLong(r -> r.peakUsedMb).max().orElse(-1),
                        c.ours.stream().mapToLong(r -> r.committedMb).max().orElse(-1), rawMedian, rawRate, oursRate / rawRate));
            }
            String header = "ExportBenchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                    + " (machine time), " + TestDatabases.postgresServer() + ", application JVM: Java "
                    + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), " + HEAP + ", "
                    + new GcLog(gcLog).collector() + "; " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + String.format("%.1f before, %.1f after", loadBefore, loadAfter) + "; " + province.organizations()
                    + " organisations and " + province.members() + " members generated in " + province.millis()
                    + " ms (+ " + encryptMs + " ms giving each an encrypted ID number and phone); " + ROUNDS
                    + " rounds after one warm-up, ours and raw alternating; SXSSF window 200 rows, compressed temp files, fetch size "
                    + FETCH;
            String report = header + "\n\n" + String.join("\n", out) + "\n";
            BenchMachine.publish("ExportBenchmark", report);
        }
    }

    /** One download, its rows as the application reports them (+ title, subtitle, header and total per the list). */
    private static final class Case {
        final String name;
        final String path;
        final long rows;
        final String sql;
        final String prefix;
        final List<Run> ours = new ArrayList<>();
        final List<Run> raw = new ArrayList<>();

        Case(String name, String path, long rows, String sql, String prefix) {
            this.name = name;
            this.path = path;
            this.rows = rows;
            this.sql = sql;
            this.prefix = prefix;
        }
    }

    private record Run(long nanos, long bytes, int sheets, long peakUsedMb, long committedMb) {
    }

    private static Run ours(ApplicationProcess app, Path gcLog, Case c) throws Exception {
        GcLog gc = new GcLog(gcLog);
        long gcFrom = gc.mark();
        long t = System.nanoTime();
        // the headers come with the file's first byte, once every row is written: no timeout short of the export
        HttpResponse<InputStream> r = app.http().send(HttpRequest.newBuilder(app.uri(c.path)).timeout(Duration.ofHours(2))
                .header("Authorization", ApplicationProcess.ADMIN).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).as(c.path).isEqualTo(200);
        long[] counted = count(r.body());
        long nanos = System.nanoTime() - t;
        int sheets = (int) counted[2];
        // per sheet: title, subtitle and header; once: the total line
        assertThat(counted[0]).as(c.name + " rows in the file").isEqualTo(c.rows + 3L * sheets + 1);
        long[] heap = gc.peak(gcFrom);
        return new Run(nanos, counted[1], sheets, heap[0], heap[1]);
    }

    /** Rows (the sheets' {@code <row} elements), bytes and worksheets of an .xlsx read as it arrives. */
    private static long[] count(InputStream body) throws IOException {
        long rows = 0;
        long sheets = 0;
        CountingStream bytes = new CountingStream(body);
        byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 16];
        // commons-compress reads the entries as POI writes them (sizes after the data); java.util.zip refuses them
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(bytes, "UTF-8", true, true)) {
            ZipArchiveEntry e;
            while ((e = zip.getNextEntry()) != null) {
                boolean sheet = e.getName().startsWith("xl/worksheets/sheet");
                sheets += sheet ? 1 : 0;
                int matched = 0;
                int n;
                while ((n = zip.read(buf)) > 0) {
                    if (!sheet) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == pattern[matched]) {
                            if (++matched == pattern.length) {
                                rows++;
                                matched = 0;
                            }
                        } else {
                            matched = buf[i] == pattern[0] ? 1 : 0;
                        }
                    }
                }
            }
        }
        return new long[] {rows, bytes.count, sheets};
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

    /** The export's query as {@code ExportQueries} runs it for the province (no filters), read raw. */
    private static Run raw(javax.sql.DataSource ds, Case c) throws SQLException {
        long t = System.nanoTime();
        long rows = 0;
        try (Connection con = ds.getConnection()) {
            con.setAutoCommit(false);
            con.setReadOnly(true);
            try (PreparedStatement ps = con.prepareStatement(c.sql)) {
                ps.setFetchSize(FETCH);
                ps.setString(1, c.prefix + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                    }
                }
            }
            con.commit();
        }
        long nanos = System.nanoTime() - t;
        assertThat(rows).as(c.name + " raw rows").isEqualTo(c.rows);
        return new Run(nanos, 0, 0, -1, -1);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    private static final String ORG_SQL = "select o.*, p.name as parent_name, a.name as authority_name, "
            + "(select count(*) from member m where m.organization_id = o.id and m.status = 'ACTIVE'"
            + " and m.category in ('FULL', 'PROBATIONARY')) as member_count"
            + " from organization o left join organization p on p.id = o.parent_id"
            + " left join organization a on a.id = o.grading_authority_id where o.path like ?"
            + " and o.retired = false order by o.sort_key, o.path";

    private static final String MEMBER_SQL = "select m.id, m.organization_id, o.name as organization_name, m.name, m.sex,"
            + " m.ethnicity, m.birth_date, m.education, m.category, m.activist_on, m.development_target_on,"
            + " m.joined_on, m.regularized_on, m.retired, m.floating, m.in_difficulty, m.id_number, m.phone"
            + " from member m join organization o on o.id = m.organization_id where m.status = 'ACTIVE'"
            + " and o.path like ? order by m.organization_id, m.name_key, m.name, m.id";
}
