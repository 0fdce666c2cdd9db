package cn.tierup.bench;

import cn.tierup.questionnaire.Question;
import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireView;
import cn.tierup.questionnaire.ResponseIntake;
import cn.tierup.questionnaire.Statistics;
import cn.tierup.questionnaire.internal.QuestionsConverter;
import cn.tierup.testsupport.TestDatabases;
import cn.tierup.testsupport.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Public answering under load, run by {@code mvn -Pbench verify} on embedded PostgreSQL: the whole
 * application listens on a random port of 127.0.0.1 and {@code bench.concurrency} simulated phones
 * (java.net.http, HTTP/1.1 keep-alive, one request in flight each) POST complete, valid answers to the
 * village questionnaire as a form would — each with its own {@code tq_<slug>} cookie holding an answering token
 * minted as the form page mints it, so that the submission alone is timed (open mode), or its
 * own one-time code (coded mode) — and count the 302 to the thank-you page (coded: the page with the sealed
 * answer's receipt). "Raw" does the same rows over plain JDBC at the same concurrency (one connection per worker,
 * one transaction per submission: the seen row, the response row and the sharded tally updates; coded: the spent
 * code and the sealed answer), so the ratio ours ÷ raw shows
 * what HTTP, Spring and the checks cost on top of the database. Ours and raw alternate in rounds of
 * {@code bench.round-seconds} after a warm-up, and each side's rate is its submissions ÷ its summed
 * round time, so both see the same load on a shared machine. Every round stops by itself: after its
 * time or {@code bench.max-per-round} submissions, whichever comes first.
 *
 * <p>Each side is measured with {@code synchronous_commit} off and on ({@code bench.synchronous-commit}: off
 * then on, by default): the embedded server of the tests runs with it off, so a commit returns before its WAL
 * is flushed and a crash of the server can lose it, while production keeps PostgreSQL's default, on. The
 * setting is changed for the benchmark's database (ALTER DATABASE, the pool renewed) and checked on every
 * connection before its rounds, the settings alternate round by round, and each row names its setting; a
 * second table gives on ÷ off per side, what durability costs.
 *
 * <p>Then a fresh questionnaire is filled to {@code bench.answers} (1,000,000) answers by bulk SQL, its
 * tallies are recomputed from the stored answers, and {@link QuestionnaireService#statistics} and the
 * quota progress ({@link QuestionnaireService#get}) are timed. Nothing here fails on a time: it checks
 * only that every submission counted is stored and tallied exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.root=WARN",
        // all the load comes from 127.0.0.1, which the per-address limit would otherwise stop after 30 a minute;
        // 0 turns it off, so its bucket (one hot row for the one address, unlike real traffic) is not what is timed
        "tierup.questionnaire.submissions-per-minute-per-address=0",
        "server.address=127.0.0.1"})
@AutoConfigureMockMvc
@Import(TestUsers.class)
class QuestionnaireSubmitBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final double ROUND_SECONDS = Double.parseDouble(System.getProperty("bench.round-seconds", "8"));
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup-seconds", "25"));
    private static final int MAX_PER_ROUND = Integer.getInteger("bench.max-per-round", 60_000);
    private static final int CODES = Integer.getInteger("bench.codes", 30_000);
    private static final int ANSWERS = Integer.getInteger("bench.answers", 1_000_000);
    private static final int STAT_RUNS = Integer.getInteger("bench.stat-runs", 10);
    /** The synchronous_commit settings measured side by side: on waits for the commit's WAL flush, off does not. */
    private static final List<String> SYNCHRONOUS_COMMIT = List.of(System.getProperty("bench.synchronous-commit", "off,on").split(","));
    /**
     * A flight recording of the open-mode rounds after the warm-up (both sides; the threads tell them apart): true
     * writes target/bench/QuestionnaireSubmitBenchmark.jfr, any other value is the file; empty records nothing.
     */
    private static final String JFR = System.getProperty("bench.jfr", "");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired DataSource dataSource;
    @Autowired QuestionnaireService questionnaires;
    @Autowired ResponseIntake intake;
    @Value("${spring.datasource.url}") String dbUrl;
    @Value("${spring.datasource.username}") String dbUser;
    @Value("${spring.datasource.password:}") String dbPassword;

    private List<Question> questions;
    /** The PostgreSQL server's postmaster when it runs on this machine (its CPU time is read from /proc), else -1. */
    private long postmaster = -1;

    @Test
    void submissionsOverHttpAgainstRawJdbcAndStatisticsAtAMillionAnswers() throws Exception {
        long campaign = campaign();
        Launched firstOpen = launch(campaign, "OPEN");
        SecurityContextHolder.getContext().setAuthentication(admin());
        try {
            questions = questionnaires.get(firstOpen.id()).questions();
        } finally {
            SecurityContextHolder.clearContext();
        }
        postmaster = BenchMachine.postmaster(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
        BenchMachine.LoadSampler load = new BenchMachine.LoadSampler();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        String server = setting("server_version") + " (fsync=" + setting("fsync") + ", full_page_writes="
                + setting("full_page_writes") + ", wal_sync_method=" + setting("wal_sync_method") + ")";
        String serverDefault = setting("synchronous_commit");
        List<String> out = new ArrayList<>();
        out.add("| mode | synchronous_commit | ours submissions/s | ours p50 ms | ours p99 ms | raw JDBC submissions/s | raw p50 ms | raw p99 ms"
                + " | ours ÷ raw | ours CPU ms per submission: JVM (of it server threads, load client) + PostgreSQL | raw CPU ms per submission: JVM + PostgreSQL |");
        out.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        List<String> cost = new ArrayList<>();
        List<String> countNotes = new ArrayList<>();
        cost.add("| mode | ours on ÷ off | raw on ÷ off |");
        cost.add("| --- | ---: | ---: |");

        // open mode: a cookie per simulated browser; per setting a questionnaire for each side, the settings
        // alternating round by round (off, on, then on, off, …) so both see the same load over the run
        Map<String, Side> ours = new LinkedHashMap<>();
        Map<String, Side> raw = new LinkedHashMap<>();
        Map<String, Launched> oursOpen = new HashMap<>();
        Map<String, Launched> rawOpen = new HashMap<>();
        for (String setting : SYNCHRONOUS_COMMIT) {
            ours.put(setting, new Side());
            raw.put(setting, new Side());
            oursOpen.put(setting, setting.equals(SYNCHRONOUS_COMMIT.get(0)) ? firstOpen : launch(campaign, "OPEN"));
            rawOpen.put(setting, launch(campaign, "OPEN"));
        }
        try {
            String first = SYNCHRONOUS_COMMIT.get(0);
            synchronousCommit(first);
            ours.get(first).round(WARMUP_SECONDS, MAX_PER_ROUND, false, () -> new HttpWorker(http, oursOpen.get(first), null));
            raw.get(first).round(WARMUP_SECONDS, MAX_PER_ROUND, false, () -> new JdbcWorker(rawOpen.get(first), null));
            jdk.jfr.Recording recording = null;
            if (!JFR.isBlank()) {
                // JFR's "default" settings with CPU samples every 10 ms: "profile" adds events (socket reads and
                // allocations with their stacks) that cost this benchmark's hot loop several times its CPU
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("default"));
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                recording.setName("QuestionnaireSubmitBenchmark");
                recording.start();
            }
            for (int r = 0; r < ROUNDS; r++) {
                List<String> order = new ArrayList<>(SYNCHRONOUS_COMMIT);
                if (r % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (String setting : order) {
                    synchronousCommit(setting);
                    ours.get(setting).round(ROUND_SECONDS, MAX_PER_ROUND, true, () -> new HttpWorker(http, oursOpen.get(setting), null));
                    raw.get(setting).round(ROUND_SECONDS, MAX_PER_ROUND, true, () -> new JdbcWorker(rawOpen.get(setting), null));
                }
            }
            if (recording != null) {
                Path file = JFR.equals("true") ? Path.of(System.getProperty("tierup.bench.out", "target/bench"), "QuestionnaireSubmitBenchmark.jfr")
                        : Path.of(JFR);
                Files.createDirectories(file.toAbsolutePath().getParent());
                recording.stop();
                recording.dump(file);
                recording.close();
                System.out.println("flight recording of the open-mode rounds: " + file.toAbsolutePath());
            }
            for (String setting : SYNCHRONOUS_COMMIT) {
                out.add(ours.get(setting).row("open (cookie)", setting, raw.get(setting)));
                checkConsistent(oursOpen.get(setting), ours.get(setting).stored.get());
                checkConsistent(rawOpen.get(setting), raw.get(setting).stored.get());
                System.out.println("open mode: " + out.get(out.size() - 1));
            }
            cost.add(costRow("open (cookie)", ours, raw));

            // coded mode: a one-time code per simulated respondent, per setting one round each after a short warm-up
            if (CODES > 0) {
                Map<String, Side> oursCoded = new LinkedHashMap<>();
                Map<String, Side> rawCoded = new LinkedHashMap<>();
                for (String setting : SYNCHRONOUS_COMMIT) {
                    Launched oursQ = launch(campaign, "CODED");
                    Launched rawQ = launch(campaign, "CODED");
                    ConcurrentLinkedQueue<String> oursCodes = codes(oursQ, CODES);
                    ConcurrentLinkedQueue<String> rawCodes = codes(rawQ, CODES);
                    Side oursC = new Side();
                    Side rawC = new Side();
                    int warm = CODES / 10;
                    synchronousCommit(setting);
                    oursC.round(WARMUP_SECONDS / 2, warm, false, () -> new HttpWorker(http, oursQ, oursCodes));
                    rawC.round(WARMUP_SECONDS / 2, warm, false, () -> new JdbcWorker(rawQ, rawCodes));
                    oursC.round(ROUND_SECONDS, CODES - warm, true, () -> new HttpWorker(http, oursQ, oursCodes));
                    rawC.round(ROUND_SECONDS, CODES - warm, true, () -> new JdbcWorker(rawQ, rawCodes));
                    out.add(oursC.row("coded (one-time code, sealed)", setting, rawC));
                    // both sides hold one spent code and one sealed answer per submission; ours is then counted
                    checkSealed(oursQ, oursC.stored.get());
                    checkSealed(rawQ, rawC.stored.get());
                    long t0 = System.nanoTime();
                    String counted = mvc.perform(post("/api/questionnaires/" + oursQ.id() + "/count").with(users.as("admin"))
                                    .contentType(MediaType.APPLICATION_JSON).content("{\"closingKey\": \"" + oursQ.closingKey() + "\"}"))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    countNotes.add("%d sealed answers counted in %d ms (synchronous_commit %s)".formatted(oursC.stored.get(),
                            (System.nanoTime() - t0) / 1_000_000, setting));
                    assertThat(json.readTree(counted).get("counted").asLong()).isEqualTo(oursC.stored.get());
                    checkConsistent(oursQ, oursC.stored.get(), true);
                    oursCoded.put(setting, oursC);
                    rawCoded.put(setting, rawC);
                    System.out.println("coded mode: " + out.get(out.size() - 1));
                }
                cost.add(costRow("coded (one-time code)", oursCoded, rawCoded));
            }
        } finally {
            synchronousCommit(null);
        }
        String coded = CODES > 0 ? ", " + CODES + " codes per coded questionnaire" : "";

        load.close();
        String statLine = ANSWERS > 0 ? statistics(campaign) : "Statistics at scale not measured (bench.answers=0)";
        String header = "QuestionnaireSubmitBenchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + ", " + (TestDatabases.postgres() ? TestDatabases.postgresServer() + " " : "H2 ") + server + ", "
                + BenchMachine.jvm() + ", concurrency " + CONCURRENCY + ", " + ROUNDS + " alternating rounds of " + ROUND_SECONDS
                + " s per side and synchronous_commit setting after " + WARMUP_SECONDS + " s warm-up (at most " + MAX_PER_ROUND
                + " per round)" + coded + "; the server's own synchronous_commit is " + serverDefault
                + ", each row's is set on the benchmark's database (ALTER DATABASE, pool renewed) before its rounds and checked on every connection;\n"
                + load.summary() + " (the submission rounds, before the statistics)";
        String cpuNote = "CPU per submission: process CPU time of the JVM (application, load client, JIT and GC together), of its"
                + " web server's request threads (http-nio-*) and of the load client's threads (the simulated phones and the HTTP"
                + " client) alone, and the PostgreSQL server's processes"
                + " (postmaster and backends, from /proc" + (postmaster > 0 ? "" : ": not available, the server is not a process of this machine")
                + "), over the timed rounds of each side, ÷ the submissions taken in them.";
        String report = header + "\n\n" + String.join("\n", out) + "\n\n" + cpuNote + "\n\n"
                + (SYNCHRONOUS_COMMIT.containsAll(List.of("on", "off")) ? "What waiting for the WAL flush at commit costs"
                        + " (submissions/s with synchronous_commit=on ÷ with off, same run):\n\n" + String.join("\n", cost) + "\n\n" : "")
                + (countNotes.isEmpty() ? "" : "Counting a coded questionnaire with its closing key: " + String.join("; ", countNotes)
                        + ".\n\n")
                + statLine + (ANSWERS > 0 ? " (reads; synchronous_commit=" + serverDefault + ")" : "") + "\n";
        BenchMachine.publish("QuestionnaireSubmitBenchmark", report);
    }

    /** Fills a fresh questionnaire with {@code bench.answers} answers and times its statistics and quota progress. */
    private String statistics(long campaign) throws Exception {
        Launched big = launch(campaign, "OPEN");
        long loadStart = System.nanoTime();
        fill(big, ANSWERS);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        SecurityContextHolder.getContext().setAuthentication(admin());
        long[] stats = new long[STAT_RUNS];
        long[] progress = new long[STAT_RUNS];
        Statistics s = null;
        QuestionnaireView v = null;
        try {
            for (int i = -2; i < STAT_RUNS; i++) {
                long t = System.nanoTime();
                s = questionnaires.statistics(big.id());
                long t2 = System.nanoTime();
                v = questionnaires.get(big.id());
                long t3 = System.nanoTime();
                if (i >= 0) {
                    stats[i] = t2 - t;
                    progress[i] = t3 - t2;
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(s.members() + s.publics()).isEqualTo(ANSWERS);
        assertThat(v.progress().members() + v.progress().publics()).isEqualTo(ANSWERS);
        long q1 = s.questions().get(0).options().stream().mapToLong(o -> o.members() + o.publics()).sum();
        assertThat(q1).isEqualTo(ANSWERS);
        long totalResponses = jdbc.sql("select count(*) from questionnaire_response").query(Long.class).single();

        return String.format("Statistics of one questionnaire with %,d answers (%,d responses in the table, loaded in %.1f s):"
                        + " statistics p50 %.1f ms, max %.1f ms; quota progress p50 %.1f ms, max %.1f ms (%d runs after 2 warm-up)",
                (long) ANSWERS, totalResponses, loadMillis / 1000.0, BenchMachine.percentile(stats, 50), BenchMachine.percentile(stats, 100),
                BenchMachine.percentile(progress, 50), BenchMachine.percentile(progress, 100), STAT_RUNS);
    }

    // ---------------------------------------------------------------- durability

    private String setting(String name) {
        return jdbc.sql("show " + name).query(String.class).single();
    }

    /**
     * Sets synchronous_commit for the benchmark's database and waits until every pooled connection and a new
     * one run with it, so a round is timed under the setting its row names. The embedded server gets its
     * "off" on the command line, which outranks ALTER SYSTEM; a database's own setting outranks both but is
     * read when a session starts, so the pool is renewed ({@link DatabaseSettings}). {@code null} returns to the
     * server's setting.
     */
    private void synchronousCommit(String value) throws Exception {
        if (value != null) {
            assertThat(value).isIn("on", "off");
        }
        DatabaseSettings.apply(dataSource, value == null ? Map.of() : Map.of("synchronous_commit", value),
                List.of("synchronous_commit"), () -> DriverManager.getConnection(dbUrl, dbUser, dbPassword));
        if (value != null) {
            try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("show synchronous_commit")) {
                r.next();
                assertThat(r.getString(1)).as("synchronous_commit on a new connection").isEqualTo(value);
            }
        }
    }

    private static String costRow(String mode, Map<String, Side> ours, Map<String, Side> raw) {
        if (!ours.containsKey("on") || !ours.containsKey("off")) {
            return "| " + mode + " | – | – |";
        }
        return String.format("| %s | %.2f | %.2f |", mode, ours.get("on").rate() / ours.get("off").rate(),
                raw.get("on").rate() / raw.get("off").rate());
    }

    // ---------------------------------------------------------------- set-up

    record Launched(long id, String slug, String closingKey) {
    }

    private UsernamePasswordAuthenticationToken admin() {
        var p = users.principal("admin");
        return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
    }

    private long id(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private long campaign() throws Exception {
        LocalDate start = LocalDate.now().minusDays(5);
        String body = """
                {"rootOrganizationId": %d, "year": %d,
                 "surveyStartsOn": "%s", "surveyEndsOn": "%s", "surveyDueOn": "%s",
                 "gradingStartsOn": "%s", "gradingEndsOn": "%s", "gradingDueOn": "%s",
                 "upgradeStartsOn": "%s", "upgradeEndsOn": "%s", "upgradeDueOn": "%s",
                 "acceptanceStartsOn": "%s", "acceptanceEndsOn": "%s", "acceptanceDueOn": "%s"}
                """.formatted(id("select id from organization where name = :v", "中共彭州市濛阳镇委员会"), start.getYear(), start,
                start.plusDays(30), start.plusDays(30), start.plusDays(31), start.plusDays(60), start.plusDays(40),
                start.plusDays(61), start.plusDays(200), start.plusDays(200), start.plusDays(201), start.plusDays(260),
                start.plusDays(220));
        String out = mvc.perform(post("/api/campaigns").with(users.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(out).get("id").asLong();
    }

    private Launched launch(long campaign, String mode) throws Exception {
        long town = id("select id from organization where name = :v", "中共彭州市濛阳镇委员会");
        long template = id("select id from questionnaire_template where code = :v", "VILLAGE");
        String out = mvc.perform(post("/api/campaigns/" + campaign + "/orgs/" + town + "/questionnaires").with(users.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"templateId\": " + template + ", \"mode\": \"" + mode + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode q = json.readTree(out);
        return new Launched(q.get("id").asLong(), q.get("slug").asText(),
                q.hasNonNull("closingKey") ? q.get("closingKey").asText() : null);
    }

    private ConcurrentLinkedQueue<String> codes(Launched q, int count) throws Exception {
        ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
        while (codes.size() < count) {
            int n = Math.min(QuestionnaireService.MAX_CODES, count - codes.size());
            JsonNode issued = json.readTree(mvc.perform(post("/api/questionnaires/" + q.id() + "/codes").with(users.as("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"count\": " + n + "}")).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString());
            issued.forEach(c -> codes.add(c.asText()));
        }
        return codes;
    }

    /** Every sealed submission is stored once, as one sealed answer beside one spent code. */
    private void checkSealed(Launched q, long stored) {
        long sealed = jdbc.sql("select count(*) from questionnaire_sealed where questionnaire_id = :q").param("q", q.id())
                .query(Long.class).single();
        long spent = jdbc.sql("select count(*) from questionnaire_code where questionnaire_id = :q and spent = true")
                .param("q", q.id()).query(Long.class).single();
        assertThat(sealed).isEqualTo(stored);
        assertThat(spent).isEqualTo(stored);
    }

    private void checkConsistent(Launched q, long stored) {
        checkConsistent(q, stored, false);
    }

    /**
     * Every submission counted is stored once, and the respondents' tally and the seen/spent rows agree (a counted
     * sealed questionnaire's codes are deleted by its count).
     */
    private void checkConsistent(Launched q, long stored, boolean countedSealed) {
        long responses = jdbc.sql("select count(*) from questionnaire_response where questionnaire_id = :q").param("q", q.id())
                .query(Long.class).single();
        long tallied = jdbc.sql("select coalesce(sum(n), 0) from questionnaire_tally where questionnaire_id = :q and question_key = '*'")
                .param("q", q.id()).query(Long.class).single();
        long gates = jdbc.sql("select (select count(*) from questionnaire_seen where questionnaire_id = :q)"
                + " + (select count(*) from questionnaire_code where questionnaire_id = :q and spent = true)").param("q", q.id())
                .query(Long.class).single();
        assertThat(responses).isEqualTo(stored);
        assertThat(tallied).isEqualTo(stored);
        assertThat(gates).isEqualTo(countedSealed ? 0 : stored);
    }

    // ---------------------------------------------------------------- answers

    /** One complete, valid answer as a phone's form would send it (field → values, in question order). */
    private Map<String, List<String>> randomAnswer(Random r) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("category", List.of(r.nextInt(10) < 7 ? "MEMBER" : "PUBLIC"));
        Map<String, Object> chosen = new HashMap<>();
        for (Question q : questions) {
            if (q.conditional() && !q.showIfOption().equals(chosen.get(q.showIfKey()))) {
                continue;
            }
            switch (q.kind()) {
                case SINGLE, RATING -> {
                    int o = r.nextInt(q.options().size());
                    chosen.put(q.key(), o);
                    form.put(q.key(), List.of(String.valueOf(o)));
                }
                case MULTIPLE -> {
                    List<String> picks = new ArrayList<>();
                    for (int o = 0; o < q.options().size(); o++) {
                        if (r.nextBoolean() || (picks.isEmpty() && o == q.options().size() - 1)) {
                            picks.add(String.valueOf(o));
                        }
                    }
                    form.put(q.key(), picks);
                }
                case SHORT_TEXT, LONG_TEXT -> {
                    if (q.required() || r.nextInt(5) == 0) {
                        form.put(q.key(), List.of("村里的党员活动室" + r.nextInt(1000) + "号，希望每月开放两次"));
                    }
                }
            }
        }
        return form;
    }

    private static String formBody(Map<String, List<String>> form, String code) {
        StringBuilder b = new StringBuilder(256);
        form.forEach((k, values) -> values.forEach(v -> {
            if (!b.isEmpty()) {
                b.append('&');
            }
            b.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        if (code != null) {
            b.append("&code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The stored form of an answer, as the application keeps it (choices as indexes, several sorted). */
    private String answersJson(Map<String, List<String>> form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            List<String> v = form.get(q.key());
            if (v == null) {
                continue;
            }
            switch (q.kind()) {
                case SINGLE, RATING -> answers.put(q.key(), Integer.parseInt(v.get(0)));
                case MULTIPLE -> answers.put(q.key(), v.stream().map(Integer::parseInt).sorted().toList());
                case SHORT_TEXT, LONG_TEXT -> answers.put(q.key(), v.get(0));
            }
        }
        return QuestionsConverter.JSON.writeValueAsString(answers);
    }

    /** The tally lines one answer adds to: respondents, then each chosen option. */
    private static List<Object[]> tallyLines(long questionnaireId, String category, String answersJson, int shard) {
        List<Object[]> lines = new ArrayList<>();
        lines.add(new Object[] {questionnaireId, ResponseIntake.RESPONDENTS, 0, category, shard});
        Map<?, ?> answers = QuestionsConverter.JSON.readValue(answersJson, Map.class);
        answers.forEach((k, v) -> {
            if (v instanceof Integer o) {
                lines.add(new Object[] {questionnaireId, k, o, category, shard});
            } else if (v instanceof List<?> os) {
                os.forEach(o -> lines.add(new Object[] {questionnaireId, k, o, category, shard}));
            }
        });
        return lines;
    }

    static String hash(String salt, String secret) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(salt.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        return HexFormat.of().formatHex(d.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- load

    interface Worker extends AutoCloseable {
        /** One submission; true if it was taken (302 to the thanks page, or committed). */
        boolean submit(Random r) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface WorkerFactory {
        Worker create() throws Exception;
    }

    /** A simulated phone: a fresh browser cookie (or the next one-time code) per submission. */
    final class HttpWorker implements Worker {
        private final HttpClient http;
        private final Launched q;
        private final ConcurrentLinkedQueue<String> codes;
        private final URI uri;

        HttpWorker(HttpClient http, Launched q, ConcurrentLinkedQueue<String> codes) {
            this.http = http;
            this.q = q;
            this.codes = codes;
            this.uri = URI.create("http://127.0.0.1:" + port + "/q/" + q.slug());
        }

        @Override
        public boolean submit(Random r) throws Exception {
            String code = null;
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded");
            if (codes != null) {
                code = codes.poll();
                if (code == null) {
                    return false;
                }
            } else {
                b.header("Cookie", "tq_" + q.slug() + "=" + intake.issueToken(intake.open(q.slug())));
            }
            HttpResponse<String> res = http.send(b.POST(HttpRequest.BodyPublishers.ofString(formBody(randomAnswer(r), code)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (res.headers().allValues("set-cookie").stream().anyMatch(c -> !c.startsWith("tq_"))) {
                throw new IllegalStateException("a submission set a cookie: " + res.headers().allValues("set-cookie"));
            }
            if (codes != null) {
                // a sealed answer is answered with its receipt, on the page itself
                return res.statusCode() == 200 && res.body().contains("id=\"receipt\"");
            }
            return res.statusCode() == 302 && res.headers().firstValue("location").orElse("").endsWith("/q/" + q.slug() + "/thanks");
        }
    }

    /** The same rows over plain JDBC: its own connection, one transaction per submission. */
    final class JdbcWorker implements Worker {
        private final Launched q;
        private final ConcurrentLinkedQueue<String> codes;
        private final Connection c;
        private final PreparedStatement seen;
        private final PreparedStatement spend;
        private final PreparedStatement response;
        private final PreparedStatement tally;
        private final PreparedStatement sealed;
        private final String sample;

        JdbcWorker(Launched q, ConcurrentLinkedQueue<String> codes) throws Exception {
            this.q = q;
            this.codes = codes;
            this.c = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
            c.setAutoCommit(false);
            seen = c.prepareStatement("insert into questionnaire_seen (questionnaire_id, token_hash) values (?, ?)");
            spend = c.prepareStatement("update questionnaire_code set spent = true where questionnaire_id = ? and code_hash = ? and spent = false");
            response = c.prepareStatement("insert into questionnaire_response (id, questionnaire_id, category, answers, submitted_on)"
                    + " values (?, ?, ?, ?, ?)");
            tally = c.prepareStatement("update questionnaire_tally set n = n + 1 where questionnaire_id = ? and question_key = ?"
                    + " and option_index = ? and category = ? and shard = ?");
            sealed = c.prepareStatement("insert into questionnaire_sealed (questionnaire_id, sealed) values (?, ?)");
            // a coded answer is stored sealed, in one length per questionnaire: raw writes a sealed text ours wrote
            // (its warm-up runs first), so both sides write the same bytes and only the sealing itself is ours alone
            sample = codes == null ? null : jdbc.sql("select sealed from questionnaire_sealed fetch first 1 rows only")
                    .query(String.class).single();
        }

        @Override
        public boolean submit(Random r) throws Exception {
            Map<String, List<String>> form = randomAnswer(r);
            String category = form.get("category").get(0);
            String answers = answersJson(form);
            try {
                if (codes != null) {
                    String code = codes.poll();
                    if (code == null) {
                        return false;
                    }
                    spend.setLong(1, q.id());
                    spend.setString(2, hash(q.slug(), code.replace("-", "")));
                    if (spend.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                    sealed.setLong(1, q.id());
                    sealed.setString(2, sample);
                    sealed.executeUpdate();
                    c.commit();
                    return true;
                } else {
                    seen.setLong(1, q.id());
                    seen.setString(2, hash(q.slug(), UUID.randomUUID().toString()));
                    seen.executeUpdate();
                }
                response.setObject(1, UUID.randomUUID());
                response.setLong(2, q.id());
                response.setString(3, category);
                response.setString(4, answers);
                response.setDate(5, Date.valueOf(LocalDate.now()));
                response.executeUpdate();
                for (Object[] line : tallyLines(q.id(), category, answers, ThreadLocalRandom.current().nextInt(ResponseIntake.SHARDS))) {
                    for (int i = 0; i < line.length; i++) {
                        tally.setObject(i + 1, line[i]);
                    }
                    tally.addBatch();
                }
                tally.executeBatch();
                c.commit();
                return true;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }

    /** One side's timed rounds: submissions taken, their latencies, and the summed wall time. */
    final class Side {
        final AtomicLong stored = new AtomicLong();
        long timedCount;
        long timedNanos;
        long failures;
        final List<long[]> latencies = new ArrayList<>();
        /** CPU time of the timed rounds (the client threads' including the workers' own). */
        BenchMachine.Cpu cpu = BenchMachine.ZERO;

        void round(double seconds, int max, boolean timed, WorkerFactory factory) throws Exception {
            AtomicInteger tickets = new AtomicInteger(max);
            AtomicLong refused = new AtomicLong();
            AtomicLong taken = new AtomicLong();
            long[][] lat = new long[CONCURRENCY][];
            int[] counts = new int[CONCURRENCY];
            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY; i++) {
                workers.add(factory.create());
            }
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
            Thread[] threads = new Thread[CONCURRENCY];
            AtomicLong workerCpu = new AtomicLong();
            BenchMachine.Cpu cpuBefore = BenchMachine.cpu(postmaster);
            long start = System.nanoTime();
            for (int i = 0; i < CONCURRENCY; i++) {
                int w = i;
                threads[i] = new Thread(() -> {
                    long ownCpu = BenchMachine.threadCpu();
                    Random r = new Random(31L * w + System.nanoTime());
                    long[] mine = new long[Math.max(16, max / CONCURRENCY * 2)];
                    int n = 0;
                    try {
                        while (System.nanoTime() < deadline && tickets.getAndDecrement() > 0) {
                            long t = System.nanoTime();
                            boolean ok = workers.get(w).submit(r);
                            long d = System.nanoTime() - t;
                            if (ok) {
                                taken.incrementAndGet();
                                if (n == mine.length) {
                                    mine = Arrays.copyOf(mine, n * 2);
                                }
                                mine[n++] = d;
                            } else {
                                refused.incrementAndGet();
                                if (refused.get() > 100) {
                                    break;
                                }
                            }
                        }
                    } catch (Throwable e) {
                        problems.add(e);
                    }
                    lat[w] = mine;
                    counts[w] = n;
                    workerCpu.addAndGet(BenchMachine.threadCpu() - ownCpu);
                }, "bench-" + w);
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long elapsed = System.nanoTime() - start;
            BenchMachine.Cpu used = BenchMachine.cpu(postmaster).minus(cpuBefore);
            used = new BenchMachine.Cpu(used.jvm(), used.clientThreads() + workerCpu.get(), used.serverThreads(), used.postgres());
            for (Worker w : workers) {
                w.close();
            }
            if (!problems.isEmpty()) {
                IllegalStateException e = new IllegalStateException(problems.size() + " workers failed");
                problems.forEach(e::addSuppressed);
                throw e;
            }
            stored.addAndGet(taken.get());
            failures += refused.get();
            if (timed) {
                timedCount += taken.get();
                timedNanos += elapsed;
                cpu = cpu.plus(used);
                for (int i = 0; i < CONCURRENCY; i++) {
                    latencies.add(Arrays.copyOf(lat[i], counts[i]));
                }
            }
            System.out.printf("  round: %,d taken, %,d refused in %.2f s = %,.0f/s, CPU ms per submission %s, load %s%s%n", taken.get(),
                    refused.get(), elapsed / 1e9, taken.get() / (elapsed / 1e9), BenchMachine.perOperation(used, taken.get(), true, 3),
                    BenchMachine.loadavg(), timed ? "" : " (warm-up)");
        }

        double rate() {
            return timedCount / (timedNanos / 1e9);
        }

        long[] all() {
            return latencies.stream().flatMapToLong(Arrays::stream).toArray();
        }

        String row(String mode, String synchronousCommit, Side raw) {
            assertThat(failures).as("refused submissions of " + mode).isZero();
            assertThat(raw.failures).as("refused raw submissions of " + mode).isZero();
            long[] o = all();
            long[] w = raw.all();
            return String.format("| %s | %s | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.2f | %s | %s |", mode, synchronousCommit, rate(),
                    BenchMachine.percentile(o, 50), BenchMachine.percentile(o, 99), raw.rate(), BenchMachine.percentile(w, 50), BenchMachine.percentile(w, 99), rate() / raw.rate(),
                    BenchMachine.perOperation(cpu, timedCount, true, 3), BenchMachine.perOperation(raw.cpu, raw.timedCount, false, 3));
        }
    }

    // ---------------------------------------------------------------- a million answers

    /**
     * Fills a questionnaire with {@code n} answers in bulk: 1,000 distinct valid answers (both categories)
     * are written once to a temporary table and repeated by one insert…select over the answering window's
     * days; the tallies are then recomputed from what was stored (grouped by distinct answer, each parsed
     * once) and written to shard 0, the other shards set to zero.
     */
    private void fill(Launched q, int n) throws Exception {
        Random r = new Random(42);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table bench_answer (v integer primary key, category varchar(10), answers varchar(100000))"
                        + " on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into bench_answer (v, category, answers) values (?, ?, ?)")) {
                for (int v = 0; v < 1000; v++) {
                    Map<String, List<String>> form = randomAnswer(r);
                    ps.setInt(1, v);
                    ps.setString(2, form.get("category").get(0));
                    ps.setString(3, answersJson(form));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into questionnaire_response (id, questionnaire_id, category, answers, submitted_on)"
                    + " select gen_random_uuid(), ?, a.category, a.answers, current_date - (i % 5) from generate_series(1, ?) i"
                    + " join bench_answer a on a.v = i % 1000")) {
                ps.setLong(1, q.id());
                ps.setInt(2, n);
                ps.executeUpdate();
            }
            c.commit();
        }
        Map<List<Object>, Long> tally = new HashMap<>();
        jdbc.sql("select category, answers, count(*) as n from questionnaire_response where questionnaire_id = :q group by category, answers")
                .param("q", q.id()).query((ResultSet rs) -> {
                    long count = rs.getLong("n");
                    for (Object[] line : tallyLines(q.id(), rs.getString("category"), rs.getString("answers"), 0)) {
                        tally.merge(Arrays.asList(line), count, Long::sum);
                    }
                });
        jdbc.sql("update questionnaire_tally set n = 0 where questionnaire_id = :q").param("q", q.id()).update();
        for (var e : tally.entrySet()) {
            List<Object> k = e.getKey();
            int updated = jdbc.sql("update questionnaire_tally set n = :n where questionnaire_id = :q and question_key = :k"
                            + " and option_index = :o and category = :c and shard = 0")
                    .param("n", e.getValue()).param("q", q.id()).param("k", k.get(1)).param("o", ((Number) k.get(2)).intValue())
                    .param("c", k.get(3)).update();
            assertThat(updated).isEqualTo(1);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze questionnaire_response");
            s.execute("analyze questionnaire_tally");
        }
    }

}
