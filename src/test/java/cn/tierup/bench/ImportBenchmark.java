package cn.tierup.bench;

import cn.tierup.organization.ChineseIdNumber;
import cn.tierup.organization.internal.PiiCipher;
import cn.tierup.setup.ProvinceDataGenerator;
import cn.tierup.shared.ChineseOrder;
import cn.tierup.shared.crypto.MasterKey;
import cn.tierup.testsupport.ApplicationProcess;
import cn.tierup.testsupport.TestDatabases;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city's first day: its roll of {@code -Dbench.rows} people (default 100,000) in one .xlsx, imported through the
 * HTTP API of the real application in a JVM of its own with a 256 MB heap ({@code -Dbench.heap}): the check (upload,
 * every row read and checked, nothing written) and then the confirmed write, each timed from its request to the job's
 * last state as the page polls it. The people are spread over the grassroots organisations of a generated county
 * ({@link ProvinceDataGenerator}, about 1,000), each with an ID number (checked against the roll, encrypted) and a
 * phone. Raw: the same rows, already parsed and encrypted, inserted with JDBC batches of 1,000 in one transaction on
 * one connection — what the database takes at least. Peak heap: the application's GC log ({@code -Xlog:gc}), the most
 * in use before any collection during each phase. Asserts only that every row was written, never a time.
 */
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final String HEAP = System.getProperty("bench.heap", "-Xmx256m");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] HEADER = {"姓名", "性别", "公民身份号码", "民族", "出生日期", "学历", "人员类别", "所在党组织",
            "入党日期", "转正日期", "确定为入党积极分子日期", "确定为发展对象日期", "联系电话", "是否离退休", "是否流动党员", "是否困难党员"};
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘".split("");
    private static final String[] GIVEN = "建国华明芳军丽强静敏伟磊洋勇艳杰娟涛超秀英霞平刚桂兰玉梅志红德文斌波辉鹏飞燕".split("");

    /** One person as the file gives them, and as raw writes them. */
    private record Person(String name, boolean male, String id, LocalDate born, String org, long orgId, LocalDate joined,
                          String phone) {
    }

    @Test
    void aCityRollOfAHundredThousandInAQuarterGigabyteHeap() throws Exception {
        onACounty("import-app", stage -> {
            String prefix = stage.rootPath();
            // grassroots organisations whose name is unique in the county: a file names its people's organisation
            List<Object[]> orgs = stage.jdbc().sql("select min(id), name from organization where path like :p and depth > 3"
                    + " group by name having count(*) = 1 order by min(id)").param("p", prefix + "%")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
            assertThat(orgs).hasSizeGreaterThan(100);

            List<Person> people = people(orgs);
            Path file = stage.dir().resolve("roll.xlsx");
            write(people, file);

            PiiCipher cipher = new PiiCipher(new MasterKey(TestDatabases.TEST_CRYPTO_KEY, ""));
            long rawNanos = raw(stage.ds(), people, cipher);
            stage.jdbc().sql("delete from member where id < 0").update();

            Timed timed = checkAndApply(stage, "members", file, ROWS);
            long onRoll = stage.jdbc().sql("select count(*) from member m join organization o on o.id = m.organization_id"
                    + " where o.path like :p").param("p", prefix + "%").query(Long.class).single();
            assertThat(onRoll).isEqualTo(ROWS);
            report(stage, "ImportBenchmark", "ImportBenchmark", file, ROWS + " people over " + orgs.size()
                    + " organisations of a generated county (" + stage.county().organizations() + " organisations, "
                    + stage.county().millis() + " ms)", ROWS, timed, rawNanos);
        });
    }

    /**
     * A county's tree in one file: {@code -Dbench.org-towns} towns (default 100) under a generated county, each with
     * {@code -Dbench.org-branches} village branches (199): 20,000 rows, every branch naming a town of the same file as
     * its parent. Checked and applied through the HTTP API as above, in the same 256 MB heap. Raw: the same
     * organisations with their paths and sort keys computed beforehand, JDBC batches of 1,000 in one transaction.
     */
    @Test
    void aCountysTreeOfTwentyThousandOrganisationsInOneFile() throws Exception {
        int towns = Integer.getInteger("bench.org-towns", 100);
        int branches = Integer.getInteger("bench.org-branches", 199);
        int rows = towns * (1 + branches);
        onACounty("import-orgs-app", stage -> {
            JdbcClient jdbc = stage.jdbc();
            long root = stage.county().rootId();
            String rootName = jdbc.sql("select name from organization where id = :id").param("id", root).query(String.class).single();
            String rootKey = jdbc.sql("select coalesce(sort_key, '') from organization where id = :id").param("id", root).query(String.class).single();
            long before = jdbc.sql("select count(*) from organization where path like :p").param("p", stage.rootPath() + "%").query(Long.class).single();

            Path file = stage.dir().resolve("tree.xlsx");
            try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
                wb.setCompressTempFiles(true);
                Sheet sheet = wb.createSheet("党组织");
                String[] header = {"党组织全称", "上级党组织", "组织类别", "所属领域", "党组织书记", "联系电话", "成立日期"};
                Row h = sheet.createRow(0);
                for (int c = 0; c < header.length; c++) {
                    h.createCell(c).setCellValue(header[c]);
                }
                int r = 1;
                for (int t = 1; t <= towns; t++) {
                    String town = townName(t);
                    r = orgRow(sheet, r, town, rootName, "党委", "镇", t);
                    for (int b = 1; b <= branches; b++) {
                        r = orgRow(sheet, r, branchName(t, b), town, "党支部", "村", b);
                    }
                }
                wb.write(out);
            }

            long rawNanos = rawOrganisations(stage.ds(), towns, branches, root, stage.rootPath(), rootKey);
            jdbc.sql("delete from organization where id >= 900000000 and parent_id >= 900000000").update();
            jdbc.sql("delete from organization where id >= 900000000").update();

            Timed timed = checkAndApply(stage, "organizations", file, rows);
            long after = jdbc.sql("select count(*) from organization where path like :p").param("p", stage.rootPath() + "%").query(Long.class).single();
            assertThat(after - before).isEqualTo(rows);
            long placed = jdbc.sql("select count(*) from organization o join organization p on p.id = o.parent_id"
                    + " where o.path = p.path || o.id || '/' and o.depth = p.depth + 1 and o.name like '%测试%'").query(Long.class).single();
            assertThat(placed).as("every imported organisation under its parent").isEqualTo(rows);
            report(stage, "ImportBenchmark (organisations)", "ImportBenchmark-organisations", file, towns + " towns with "
                    + branches + " branches each under a generated county (" + stage.county().organizations()
                    + " organisations before)", rows, timed, rawNanos);
        });
    }

    /** The application in a JVM of its own on a fresh database, a county generated in it, the admin moved to its root. */
    private record Stage(Path dir, GcLog gc, BenchMachine.LoadSampler load, ApplicationProcess app,
                         DriverManagerDataSource ds, JdbcClient jdbc, ProvinceDataGenerator.Result county, String rootPath) {
    }

    private interface OnStage {
        void run(Stage stage) throws Exception;
    }

    private static void onACounty(String dirName, OnStage body) throws Exception {
        Path dir = Path.of(System.getProperty("tierup.bench.out", "target/bench"), dirName);
        Files.createDirectories(dir);
        Path gcLog = dir.resolve("gc.log");
        Files.deleteIfExists(gcLog);
        TestDatabases.stopServersOnExit();
        TestDatabases.Database db = TestDatabases.newDatabase();
        try (BenchMachine.LoadSampler load = new BenchMachine.LoadSampler();
             ApplicationProcess app = new ApplicationProcess(dir)) {
            app.jvm(HEAP, "-Xlog:gc:file=" + gcLog).start("app", db.url(), db.user(), db.password(),
                    "--tierup.crypto.key=" + TestDatabases.TEST_CRYPTO_KEY, "--logging.level.root=WARN").awaitCampaign();
            DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.user(), db.password());
            JdbcClient jdbc = JdbcClient.create(ds);
            ProvinceDataGenerator.Result county = new ProvinceDataGenerator(ds)
                    .generate(new ProvinceDataGenerator.Options(1, 1, 15, 67, 0, 20261207L));
            jdbc.sql("update account set organization_id = :root where username = 'admin'").param("root", county.rootId()).update();
            String rootPath = jdbc.sql("select path from organization where id = :id").param("id", county.rootId()).query(String.class).single();
            body.run(new Stage(dir, new GcLog(gcLog), load, app, ds, jdbc, county, rootPath));
        }
    }

    /** The check's and the apply's seconds and peak heap in use (MB). */
    private record Timed(double check, long checkHeap, double apply, long applyHeap) {
    }

    /**
     * The file checked through the jobs API as the import page does, then applied, each timed from its request to the
     * poll that sees it finished, with the most heap in use the GC log shows meanwhile; both must end DONE, all written.
     */
    private static Timed checkAndApply(Stage stage, String kind, Path file, int rows) throws Exception {
        ApplicationProcess app = stage.app();
        JsonMapper json = JsonMapper.builder().build();
        long gcFrom = stage.gc().mark();
        long t = System.nanoTime();
        JsonNode checked = await(app, json, upload(app, kind, file));
        long checkNanos = System.nanoTime() - t;
        long checkHeap = stage.gc().peak(gcFrom)[0];
        assertThat(checked.get("state").asText()).as(checked.toString()).isEqualTo("DONE");
        assertThat(checked.get("confirmable").asBoolean()).as(checked.toString()).isTrue();

        gcFrom = stage.gc().mark();
        t = System.nanoTime();
        HttpResponse<String> applying = app.send(app.request("/api/import/jobs/" + checked.get("id").asText() + "/apply")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(applying.statusCode()).as(applying.body()).isEqualTo(202);
        JsonNode applied = await(app, json, json.readTree(applying.body()).get("id").asText());
        long applyNanos = System.nanoTime() - t;
        long applyHeap = stage.gc().peak(gcFrom)[0];
        assertThat(applied.get("state").asText()).as(applied.toString()).isEqualTo("DONE");
        assertThat(applied.get("result").get("written").asInt()).isEqualTo(rows);
        assertThat(app.alive()).as("the application survived: " + app.logTail()).isTrue();
        return new Timed(checkNanos / 1e9, checkHeap, applyNanos / 1e9, applyHeap);
    }

    /** The table of one run, printed and written to {@code target/bench/<name>.md}. */
    private static void report(Stage stage, String title, String name, Path file, String what, int rows, Timed t,
                               long rawNanos) throws Exception {
        stage.load().close();
        double raw = rawNanos / 1e9;
        List<String> out = new ArrayList<>();
        out.add("| step | rows | s | rows/s | peak heap used MB | raw JDBC insert s | raw rows/s | ours ÷ raw (rows/s) |");
        out.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        out.add(String.format("| check (upload, read, every rule; nothing written) | %,d | %.1f | %,.0f | %d | | | |", rows,
                t.check(), rows / t.check(), t.checkHeap()));
        out.add(String.format("| apply (read and check again, write in one transaction) | %,d | %.1f | %,.0f | %d | %.1f | %,.0f | %.2f |",
                rows, t.apply(), rows / t.apply(), t.applyHeap(), raw, rows / raw, (rows / t.apply()) / (rows / raw)));
        String header = title + ", " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + " (machine time), " + TestDatabases.postgresServer() + "; application JVM " + HEAP + " (" + stage.gc().collector()
                + "); this JVM: " + BenchMachine.jvm() + "; " + stage.load().summary() + "; file "
                + String.format("%.1f MB", Files.size(file) / 1e6) + ", " + what + "; one run, raw first, then the check and the apply";
        String report = header + "\n\n" + String.join("\n", out) + "\n";
        BenchMachine.publish(name, report);
    }

    private static String townName(int t) {
        return "中共测试县第" + t + "测试镇委员会";
    }

    private static String branchName(int t, int b) {
        return "中共测试县第" + t + "测试镇第" + b + "村支部委员会";
    }

    private static int orgRow(Sheet sheet, int r, String name, String parent, String kind, String field, int n) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(name);
        row.createCell(1).setCellValue(parent);
        row.createCell(2).setCellValue(kind);
        row.createCell(3).setCellValue(field);
        row.createCell(4).setCellValue("张" + (n % 100));
        row.createCell(5).setCellValue("138" + String.format("%08d", r));
        row.createCell(6).setCellValue("2001-07-01");
        return r + 1;
    }

    /** The same organisations, paths and sort keys computed beforehand, in JDBC batches of 1,000 in one transaction. */
    private static long rawOrganisations(javax.sql.DataSource ds, int towns, int branches, long rootId, String rootPath,
                                         String rootKey) throws Exception {
        record Org(long id, long parent, String path, int depth, String name, String kind, String field, String key) {
        }
        int rootDepth = rootPath.split("/").length - 2;
        List<Org> orgs = new ArrayList<>();
        long id = 900_000_000L;
        for (int t = 1; t <= towns; t++) {
            long town = id++;
            String townPath = rootPath + town + "/";
            String townKey = rootKey + cn.tierup.organization.Organization.sortSegment(null, townName(t), town);
            orgs.add(new Org(town, rootId, townPath, rootDepth + 1, townName(t), "COMMITTEE", "TOWN", townKey));
            for (int b = 1; b <= branches; b++) {
                long branch = id++;
                orgs.add(new Org(branch, town, townPath + branch + "/", rootDepth + 2, branchName(t, b), "BRANCH", "VILLAGE",
                        townKey + cn.tierup.organization.Organization.sortSegment(null, branchName(t, b), branch)));
            }
        }
        return batches(ds, "insert into organization (id, parent_id, path, depth, name, kind, field, secretary, contact_phone,"
                + " established_on, sort_key, retired, version, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0, current_timestamp)", orgs.size(), (ps, i) -> {
                    Org o = orgs.get(i);
                    ps.setLong(1, o.id());
                    ps.setLong(2, o.parent());
                    ps.setString(3, o.path());
                    ps.setInt(4, o.depth());
                    ps.setString(5, o.name());
                    ps.setString(6, o.kind());
                    ps.setString(7, o.field());
                    ps.setString(8, "张" + (i % 100));
                    ps.setString(9, "138" + String.format("%08d", i + 1));
                    ps.setDate(10, Date.valueOf(LocalDate.of(2001, 7, 1)));
                    ps.setString(11, o.key());
                });
    }

    private interface RowSetter {
        void set(PreparedStatement ps, int i) throws java.sql.SQLException;
    }

    /** {@code n} rows by {@code sql}, in JDBC batches of 1,000 in one transaction on one connection; the time it took. */
    private static long batches(javax.sql.DataSource ds, String sql, int n, RowSetter row) throws Exception {
        long t = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < n; i++) {
                    row.set(ps, i);
                    ps.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return System.nanoTime() - t;
    }

    /** Uploads a file to be checked as the import page does; the job's id. */
    private static String upload(ApplicationProcess app, String kind, Path file) throws Exception {
        String boundary = UUID.randomUUID().toString();
        HttpResponse<String> started = app.send(app.request("/api/import/" + kind + "/jobs")
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                                + " filename=\"" + file.getFileName() + "\"\r\nContent-Type: " + XLSX + "\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JsonMapper.builder().build().readTree(started.body()).get("id").asText();
    }

    private static List<Person> people(List<Object[]> orgs) {
        java.util.Random random = new java.util.Random(20261207L);
        List<Person> people = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i % 18000);
            boolean male = random.nextInt(100) < 68;
            // unique per row: the birth date and a serial whose last digit's parity is the sex
            String seq = String.format("%02d", (i / 18000) % 100) + (male ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
            String id = ChineseIdNumber.withCheckDigit("510100" + born.toString().replace("-", "") + seq);
            Object[] org = orgs.get(i % orgs.size());
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            LocalDate joined = born.plusYears(20 + random.nextInt(20));
            if (joined.isAfter(LocalDate.of(2023, 1, 1))) {
                joined = LocalDate.of(2023, 1, 1).minusDays(random.nextInt(300));
            }
            people.add(new Person(name, male, id, born, (String) org[1], (Long) org[0], joined,
                    "13" + String.format("%09d", i)));
        }
        return people;
    }

    /** The file as an office's sheet: ID numbers and phones as text, dates as Excel dates. */
    private static void write(List<Person> people, Path file) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            Sheet s = wb.createSheet("党员");
            var dates = wb.createCellStyle();
            dates.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row h = s.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                h.createCell(c).setCellValue(HEADER[c]);
            }
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue(p.name());
                r.createCell(1).setCellValue(p.male() ? "男" : "女");
                r.createCell(2).setCellValue(p.id());
                r.createCell(3).setCellValue("汉族");
                var born = r.createCell(4);
                born.setCellValue(p.born());
                born.setCellStyle(dates);
                r.createCell(5).setCellValue("大学本科");
                r.createCell(6).setCellValue("正式党员");
                r.createCell(7).setCellValue(p.org());
                var joined = r.createCell(8);
                joined.setCellValue(p.joined());
                joined.setCellStyle(dates);
                var full = r.createCell(9);
                full.setCellValue(p.joined().plusYears(1));
                full.setCellStyle(dates);
                r.createCell(12).setCellValue(p.phone());
                r.createCell(13).setCellValue(p.born().getYear() < 1964 ? "是" : "否");
                r.createCell(14).setCellValue("否");
                r.createCell(15).setCellValue("否");
            }
            wb.write(out);
        }
    }

    /** The same rows, parsed and encrypted beforehand, in JDBC batches of 1,000 in one transaction; its time. */
    private static long raw(javax.sql.DataSource ds, List<Person> people, PiiCipher cipher) throws Exception {
        List<String[]> secrets = new ArrayList<>(people.size());
        for (Person p : people) {
            secrets.add(new String[] {cipher.encrypt(p.id()), cipher.index(p.id()), cipher.encrypt(p.phone()), ChineseOrder.key(p.name())});
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        return batches(ds, "insert into member (id, organization_id, name, name_key, sex, ethnicity, birth_date, education,"
                + " category, activist_on, development_target_on, joined_on, regularized_on, retired, floating, in_difficulty,"
                + " id_number, id_number_hash, phone, status, version, created_at)"
                + " values (?, ?, ?, ?, ?, '汉族', ?, 'UNDERGRADUATE', 'FULL', null, null, ?, ?, ?, false, false, ?, ?, ?,"
                + " 'ACTIVE', 0, ?)", people.size(), (ps, i) -> {
                    Person p = people.get(i);
                    String[] s = secrets.get(i);
                    ps.setLong(1, -(i + 1L));
                    ps.setLong(2, p.orgId());
                    ps.setString(3, p.name());
                    ps.setString(4, s[3]);
                    ps.setString(5, p.male() ? "MALE" : "FEMALE");
                    ps.setDate(6, Date.valueOf(p.born()));
                    ps.setDate(7, Date.valueOf(p.joined()));
                    ps.setDate(8, Date.valueOf(p.joined().plusYears(1)));
                    ps.setBoolean(9, p.born().getYear() < 1964);
                    ps.setString(10, s[0]);
                    ps.setString(11, s[1]);
                    ps.setString(12, s[2]);
                    ps.setTimestamp(13, now);
                });
    }

    /** Polls the job as the page does (here ten times a second) until it has finished; its last state. */
    private static JsonNode await(ApplicationProcess app, JsonMapper json, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = app.send(app.request("/api/import/jobs/" + id).GET().build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode job = json.readTree(r.body());
            if (!job.get("state").asText().equals("RUNNING")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import job " + id + " did not finish in 30 minutes: " + app.logTail());
    }
}
