package cn.tierup.backup;

import cn.tierup.organization.internal.PiiCipher;
import cn.tierup.setup.DemoDataLoader;
import cn.tierup.shared.crypto.MasterKey;
import cn.tierup.testsupport.ApplicationProcess;
import cn.tierup.testsupport.LocalPostgres;
import cn.tierup.testsupport.Phones;
import cn.tierup.testsupport.Phones.Launched;
import cn.tierup.testsupport.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A backup restores, as the README's "Backup and restore" tells an operator to take and restore it. The real
 * application runs in its own JVM with the demo city, an attachment uploaded and phones answering a
 * questionnaire; a backup is taken under that load and another once it is quiet, both while the application
 * runs. Restored into a fresh database beside a copy of the attachments directory:
 * <ul>
 *   <li>the quiet backup has every table with the same number of rows, the same audit trail row for row and
 *       the same attachment files byte for byte as the source when it stopped;</li>
 *   <li>the one taken under load is consistent (tallies and browser marks equal the stored answers) and holds
 *       every answer acknowledged before it was asked for, once;</li>
 *   <li>with another installation key the restored application refuses to start, and that key cannot decrypt
 *       the stored personal data; with the installation's key it starts, shows the same 公民身份号码, serves
 *       the attachment and takes new work.</li>
 * </ul>
 * H2 (the embedded default): {@code POST /actuator/backup} while it runs, restored by unzipping into an empty
 * data directory. PostgreSQL: {@code pg_dump -Fc} and {@code pg_restore} of one version on a server of the
 * test's own ({@link LocalPostgres}), the attachments directory copied after the dump.
 */
class BackupRestoreIT {

    private static final int PHONES = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration QUIET = Duration.ofSeconds(300);
    /** The backup under load is taken once more answers than this are acknowledged. */
    private static final int LOADED = 20;
    /** The answers' per-address buckets are purged once full again, every minute: not between a backup and the count. */
    private static final String NO_PURGE = "--tierup.rate-limit.purge-every=PT6H";
    private static final String OTHER_KEY = Base64.getEncoder()
            .encodeToString("not-the-installation-key-32bytes".getBytes(StandardCharsets.UTF_8));

    @TempDir Path dir;

    private final List<ApplicationProcess> apps = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ApplicationProcess app : apps) {
            app.kill();
        }
    }

    @Test
    void anOnlineBackupOfTheEmbeddedDatabaseRestoresEveryRowAttachmentAndTheAuditTrail() throws Exception {
        assumeFalse(TestDatabases.postgres(), "the embedded database is H2");
        Path source = dir.resolve("source");
        Files.createDirectories(source);
        ApplicationProcess app = app(source).start("source", h2(source), "sa", "", NO_PURGE).awaitCampaign();
        // the operator's door: administrators only
        HttpRequest.Builder post = HttpRequest.newBuilder(app.uri("/actuator/backup")).POST(HttpRequest.BodyPublishers.noBody());
        assertThat(app.send(post.build()).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(app.send(post.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("zhen:" + DemoDataLoader.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))).build()).statusCode())
                .as("a town's account").isEqualTo(403);
        Marks marks = Marks.write(app);

        // under load: the phones keep answering while the backup is taken
        Launched q = Phones.launch(app);
        Phones phones = Phones.start(app, q, PHONES);
        phones.awaitMoreThan(LOADED, Duration.ofSeconds(120));
        Set<String> acknowledgedBefore = phones.acknowledged();
        Path underLoad = Path.of(backup(app).get("file").asText());
        Thread.sleep(1_000);
        phones.stop();
        // quiet, the application still running: the backup in which no event is still being delivered
        Path quiet = quietBackup(app);
        app.stop();
        Snapshot original;
        try (Connection c = DriverManager.getConnection(h2(source), "sa", "")) {
            original = Snapshot.of(c, source.resolve("files"));
        }

        // restore = unzip into an empty data directory
        Path restored = dir.resolve("restored");
        unzip(quiet, restored);
        try (Connection c = DriverManager.getConnection(h2(restored), "sa", "")) {
            original.assertRestoredAs(Snapshot.of(c, restored.resolve("files")));
            marks.assertPersonalDataNeedsTheKey(c, Files.readString(source.resolve("tierup.key")).strip());
        }
        Path loaded = dir.resolve("under-load");
        unzip(underLoad, loaded);
        try (Connection c = DriverManager.getConnection(h2(loaded), "sa", "")) {
            assertConsistent(c, q, acknowledgedBefore);
        }

        // another key: the restored installation refuses to start
        ApplicationProcess wrong = app(restored).start("restored-other-key", h2(restored), "sa", "", "--tierup.crypto.key=" + OTHER_KEY);
        assertRefusesTheKey(wrong);
        // the key kept apart (on the embedded default, the key file) beside the restored data: it runs
        Files.copy(source.resolve("tierup.key"), restored.resolve("tierup.key"));
        ApplicationProcess back = app(restored).start("restored", h2(restored), "sa", "").awaitCampaign();
        marks.assertServedBy(back);
    }

    @Test
    void aPgDumpAndPgRestoreRestoreEveryRowAttachmentAndTheAuditTrail() throws Exception {
        assumeTrue(TestDatabases.postgres(), "pg_dump is about PostgreSQL");
        String key = Base64.getEncoder().encodeToString("the-installation-key-of-32-bytes".getBytes(StandardCharsets.UTF_8));
        try (LocalPostgres pg = LocalPostgres.create(getClass().getSimpleName(), Map.of())) {
            pg.start();
            pg.createDatabase("tierup");
            Path source = dir.resolve("source");
            Files.createDirectories(source);
            ApplicationProcess app = app(source)
                    .start("source", pg.jdbcUrl("tierup"), LocalPostgres.SUPERUSER, "", "--tierup.crypto.key=" + key, NO_PURGE)
                    .awaitCampaign();
            Marks marks = Marks.write(app);
            // the operator's endpoint is for the embedded database: on PostgreSQL it says what to use instead
            HttpResponse<String> refused = app.send(app.request("/actuator/backup").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("pg_dump");

            // under load: pg_dump reads one snapshot while the phones keep answering; the files are copied after it
            Launched q = Phones.launch(app);
            Phones phones = Phones.start(app, q, PHONES);
            phones.awaitMoreThan(LOADED, Duration.ofSeconds(120));
            Set<String> acknowledgedBefore = phones.acknowledged();
            Path underLoad = dir.resolve("under-load.dump");
            pg.dump("tierup", underLoad);
            copyFiles(source.resolve("files"), dir.resolve("under-load-files"));
            phones.stop();
            // quiet, the application still running: once no event is still being delivered
            long deadline = System.nanoTime() + QUIET.toNanos();
            try (Connection c = pg.connect("tierup")) {
                while (undelivered(c) > 0) {
                    assertThat(System.nanoTime()).as("events still being delivered after " + QUIET).isLessThan(deadline);
                    Thread.sleep(1_000);
                }
            }
            Path quiet = dir.resolve("quiet.dump");
            pg.dump("tierup", quiet);
            Path restored = dir.resolve("restored");
            copyFiles(source.resolve("files"), restored.resolve("files"));
            app.stop();
            Snapshot original;
            try (Connection c = pg.connect("tierup")) {
                original = Snapshot.of(c, source.resolve("files"));
            }

            // restore = pg_restore into a fresh database, the files directory beside it
            pg.createDatabase("restored");
            pg.restore(quiet, "restored");
            try (Connection c = pg.connect("restored")) {
                original.assertRestoredAs(Snapshot.of(c, restored.resolve("files")));
                marks.assertPersonalDataNeedsTheKey(c, key);
            }
            pg.createDatabase("under_load");
            pg.restore(underLoad, "under_load");
            try (Connection c = pg.connect("under_load")) {
                assertConsistent(c, q, acknowledgedBefore);
                assertThat(Snapshot.missingFiles(c, dir.resolve("under-load-files"))).as("files named by the dump, missing").isEmpty();
            }

            ApplicationProcess wrong = app(restored).start("restored-other-key", pg.jdbcUrl("restored"), LocalPostgres.SUPERUSER, "",
                    "--tierup.crypto.key=" + OTHER_KEY);
            assertRefusesTheKey(wrong);
            ApplicationProcess back = app(restored).start("restored", pg.jdbcUrl("restored"), LocalPostgres.SUPERUSER, "",
                    "--tierup.crypto.key=" + key).awaitCampaign();
            marks.assertServedBy(back);
            back.stop();
        }
    }

    // ---------------------------------------------------------------- what is written before the backup

    /**
     * Things a user relies on, written or read on the source: a member's 公民身份号码 as the administrator sees
     * it, and a PDF attached to a village's 自查报告 (a row, a file, an audit entry).
     */
    record Marks(long memberId, String idNumber, long attachmentId, byte[] pdf, long campaign, long village) {

        static Marks write(ApplicationProcess app) throws Exception {
            long campaign = app.currentCampaign().get("id").asLong();
            long town = -1;
            for (JsonNode o : app.get("/api/orgs?q=" + URLEncoder.encode("丽春镇委员会", StandardCharsets.UTF_8)).get("items")) {
                if (o.get("name").asText().equals("中共彭州市丽春镇委员会")) {
                    town = o.get("id").asLong();
                }
            }
            long village = -1;
            for (JsonNode o : app.get("/api/orgs/" + town + "/children")) {
                // a village whose report is still open for attachments (the demo has accepted some)
                if (village < 0 && o.get("kind").asText().equals("BRANCH") && o.get("memberCount").asLong() > 0) {
                    String status = app.get("/api/campaigns/" + campaign + "/orgs/" + o.get("id").asLong() + "/report")
                            .path("status").asText("DRAFT");
                    if (status.equals("DRAFT") || status.equals("RETURNED")) {
                        village = o.get("id").asLong();
                    }
                }
            }
            assertThat(village).as("a village of 丽春镇").isPositive();
            JsonNode member = null;
            for (JsonNode m : app.get("/api/orgs/" + village + "/members?size=50").get("items")) {
                if (member == null && m.hasNonNull("idNumber")) {
                    member = app.get("/api/members/" + m.get("id").asLong());
                }
            }
            assertThat(member).as("a demo member with a 公民身份号码").isNotNull();
            String idNumber = member.get("idNumber").asText();
            assertThat(idNumber).as("shown in full to the administrator").doesNotContain("*").hasSize(18);
            byte[] pdf = ("%PDF-1.4\n% 村党支部自查报告附件 " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            JsonNode attached = upload(app, campaign, village, "党员大会记录.pdf", pdf);
            return new Marks(member.get("id").asLong(), idNumber, attached.get("id").asLong(), pdf, campaign, village);
        }

        /** In the restored rows: the installation's key decrypts the member's number, another key cannot. */
        void assertPersonalDataNeedsTheKey(Connection c, String installationKey) throws SQLException {
            String stored;
            try (PreparedStatement s = c.prepareStatement("select id_number from member where id = ?")) {
                s.setLong(1, memberId);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    stored = r.getString(1);
                }
            }
            assertThat(stored).as("stored encrypted").doesNotContain(idNumber);
            assertThat(new PiiCipher(new MasterKey(installationKey, "unused")).decrypt(stored)).isEqualTo(idNumber);
            PiiCipher other = new PiiCipher(new MasterKey(OTHER_KEY, "unused"));
            assertThatThrownBy(() -> other.decrypt(stored)).hasMessageContaining("cannot decrypt personal data");
        }

        /** The restored application shows the same personal data and attachment, and takes new work. */
        void assertServedBy(ApplicationProcess app) throws Exception {
            assertThat(app.get("/api/members/" + memberId).get("idNumber").asText()).isEqualTo(idNumber);
            HttpResponse<byte[]> file = app.http().send(app.request("/api/attachments/" + attachmentId).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(pdf);
            byte[] more = "%PDF-1.4\n% 恢复后上传\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
            JsonNode after = upload(app, campaign, village, "恢复后上传.pdf", more);
            assertThat(after.get("id").asLong()).isNotEqualTo(attachmentId);
            Phones.launch(app);
        }

        private static JsonNode upload(ApplicationProcess app, long campaign, long village, String name, byte[] bytes) throws Exception {
            String boundary = "tierup-" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> res = app.send(app.request("/api/campaigns/" + campaign + "/orgs/" + village + "/report/attachments")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, bytes, tail))).build());
            assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
            return JSON.readTree(res.body());
        }
    }

    // ---------------------------------------------------------------- what is compared

    /** Every table's row count, the audit trail row by row, and every attachment file's SHA-256. */
    record Snapshot(Map<String, Long> rows, List<String> audit, Map<String, String> files, Set<String> missing) {

        static Snapshot of(Connection c, Path files) throws Exception {
            Map<String, Long> rows = new TreeMap<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet t = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    tables.add(t.getString("TABLE_NAME"));
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
                        r.next();
                        rows.put(table.toLowerCase(), r.getLong(1));
                    }
                }
            }
            List<String> audit = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select * from audit_entry order by id")) {
                ResultSetMetaData m = r.getMetaData();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        row.append(m.getColumnName(i)).append('=').append(r.getString(i)).append("; ");
                    }
                    audit.add(row.toString());
                }
            }
            return new Snapshot(rows, audit, hashes(files), missingFiles(c, files));
        }

        void assertRestoredAs(Snapshot copy) {
            assertThat(rows).as("tables of the source").containsKeys("member", "audit_entry", "questionnaire_response",
                    "survey_attachment", "rectification_note", "flyway_schema_history");
            assertThat(rows.get("audit_entry")).as("audit entries of the source").isPositive();
            assertThat(files).as("attachment files of the source").isNotEmpty();
            assertThat(missing).as("files the source names, missing in its own directory").isEmpty();
            assertThat(copy.rows()).as("every table's row count after restore").isEqualTo(rows);
            assertThat(copy.audit()).as("the audit trail after restore, row by row").isEqualTo(audit);
            assertThat(copy.files()).as("every attachment file after restore (name → SHA-256)").isEqualTo(files);
            assertThat(copy.missing()).as("files the restored database names, missing").isEmpty();
        }

        /** The storage keys the attachment rows name that have no file in {@code files}. */
        static Set<String> missingFiles(Connection c, Path files) throws SQLException {
            Set<String> missing = new TreeSet<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select storage_key from survey_attachment"
                    + " union select storage_key from rectification_note where storage_key is not null")) {
                while (r.next()) {
                    if (!Files.isRegularFile(files.resolve(r.getString(1)))) {
                        missing.add(r.getString(1));
                    }
                }
            }
            return missing;
        }

        private static Map<String, String> hashes(Path files) throws Exception {
            Map<String, String> out = new TreeMap<>();
            if (!Files.isDirectory(files)) {
                return out;
            }
            try (Stream<Path> list = Files.list(files)) {
                for (Path f : list.toList()) {
                    out.put(f.getFileName().toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            }
            return out;
        }
    }

    /** The backup taken under load holds one moment: answers, tallies and browser marks agree, the acknowledged are there. */
    private static void assertConsistent(Connection c, Launched q, Set<String> acknowledgedBefore) throws SQLException {
        Phones.Stored now = Phones.Stored.of(c, q);
        long stored = now.answers();
        long tallied = now.tallied();
        long seen = now.marks();
        String figures = acknowledgedBefore.size() + " acknowledged before the backup, " + stored + " stored, tallied " + tallied
                + ", browser marks " + seen;
        System.out.println("BackupRestoreIT, backup under load: " + figures);
        assertThat(acknowledgedBefore.size()).as("answers acknowledged before the backup").isGreaterThan(LOADED);
        assertThat(Phones.storedOnce(c, q, acknowledgedBefore)).as("acknowledged before the backup, stored once: " + figures)
                .isEqualTo(acknowledgedBefore.size());
        assertThat(tallied).as("tallies equal stored answers: " + figures).isEqualTo(stored);
        assertThat(seen).as("one browser mark per stored answer: " + figures).isEqualTo(stored);
    }

    private static void assertRefusesTheKey(ApplicationProcess app) throws Exception {
        assertThat(app.awaitExit(Duration.ofSeconds(180))).as("exit status of a start with another key").isNotZero();
        assertThat(app.logTail()).contains("is not the key this database's personal data was encrypted with");
    }

    private ApplicationProcess app(Path data) throws IOException {
        ApplicationProcess app = new ApplicationProcess(data);
        apps.add(app);
        return app;
    }

    /** The embedded default's URL (as application.yml has it) for a data directory. */
    private static String h2(Path data) {
        return "jdbc:h2:file:" + data.resolve("tierup")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0";
    }

    /**
     * A backup of a quiet installation: the demo's events (grades decided in earlier years) are still being
     * delivered for a while after it starts, and each delivery removes its row from event_publication.
     * On H2 the file is the application's alone, so the backups themselves are looked into.
     */
    private Path quietBackup(ApplicationProcess app) throws Exception {
        long deadline = System.nanoTime() + QUIET.toNanos();
        for (int i = 0; ; i++) {
            Path archive = Path.of(backup(app).get("file").asText());
            Path probe = dir.resolve("probe-" + i);
            unzip(archive, probe);
            try (Connection c = DriverManager.getConnection(h2(probe), "sa", "")) {
                if (undelivered(c) == 0) {
                    return archive;
                }
            }
            assertThat(System.nanoTime()).as("events still being delivered after " + QUIET).isLessThan(deadline);
            Thread.sleep(2_000);
        }
    }

    private static long undelivered(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from event_publication where completion_date is null")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static JsonNode backup(ApplicationProcess app) throws Exception {
        HttpResponse<String> res = app.send(app.request("/actuator/backup").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    private static void unzip(Path archive, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).as("entry inside the directory: " + e.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
    }

    /** What an operator's copy of the attachments directory does (cp -a, rsync). */
    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> list = Files.list(from)) {
            for (Path f : list.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
