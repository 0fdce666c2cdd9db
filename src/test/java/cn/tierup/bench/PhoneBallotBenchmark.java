package cn.tierup.bench;

import cn.tierup.ballot.BallotRequest;
import cn.tierup.ballot.Ballots;
import cn.tierup.ballot.OpenedBallot;
import cn.tierup.ballot.Totals;
import cn.tierup.grading.BallotChoice;
import cn.tierup.testsupport.OfficeDay;
import cn.tierup.testsupport.TestDatabases;
import cn.tierup.testsupport.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A meeting of {@code bench.voters} (500) people voting on their phones, run by {@code mvn -Pbench verify} on embedded
 * PostgreSQL: the 审议 of a village's self-grade (step 4 of 对标定级) as its town's 组织委员 runs it. The meeting is set
 * up through the grading API as a town's clerk does (steps 1–3, then 手机测评 with one printed code per person); the
 * whole application listens on a random port of 127.0.0.1 and every simulated phone (java.net.http, HTTP/1.1
 * keep-alive, one shared client) opens the voting page {@code /q/v/{slug}} and posts its code and choice as the page's
 * form does ({@code application/x-www-form-urlencoded}; the public pages have no session and no form token). A vote
 * counts when it is answered with its receipt. The clerk then closes the ballot with the closing key through the
 * grading API, and the benchmark checks that the totals are exactly the choices the phones cast, that every receipt a
 * phone got is listed on the counted ballot's page, and that every code used twice was refused once.
 *
 * <p>Two ways the people arrive: spread over {@code bench.seconds} (60) — arrival times drawn uniformly at random in
 * the window and sorted, which is a Poisson process conditioned on the number of arrivals, each phone starting at
 * its time whatever the others are doing (an open loop) — and a burst — all at once, {@code bench.concurrency} (50)
 * phones in flight, each taking the next voter as soon as it is done (a closed loop), {@code bench.rounds} (2) rounds
 * with a ballot each. In the burst {@code bench.reused} (25) codes are sent twice by two phones at the same moment,
 * and after every ballot as many codes are sent again: each must be refused (409), never counted. "Raw" writes the
 * same rows over plain JDBC — the spent code and a sealed vote of the same length, one transaction per vote, a
 * connection per phone in flight — on a ballot of its own, with the same arrival times (spread) or the same
 * concurrency (burst), the sides taking turns in one run. Nothing here fails on a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.root=WARN",
        "server.address=127.0.0.1"})
@AutoConfigureMockMvc
@Import(TestUsers.class)
class PhoneBallotBenchmark {

    private static final int VOTERS = Integer.getInteger("bench.voters", 500);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "60"));
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 50);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int REUSED = Integer.getInteger("bench.reused", 25);
    /** A town no test opens a campaign for. */
    private static final String TOWN = "中共彭州市丹景山镇委员会";
    private static final String CLERK = "djs-bench-zuzhi";
    private static final List<String> CHOICES = Arrays.stream(BallotChoice.values()).map(Enum::name).toList();
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">[^<：]*：([^<]+)</strong>");
    private static final Pattern LISTED = Pattern.compile("<li>([^<]+)</li>");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Ballots ballots;
    @Value("${spring.datasource.url}") String dbUrl;
    @Value("${spring.datasource.username}") String dbUser;
    @Value("${spring.datasource.password:}") String dbPassword;

    private final LocalDate today = OfficeDay.today();
    private long postmaster = -1;
    private HttpClient http;
    /** A sealed vote as ours stores it (all are of one length in a ballot of one subject), which raw writes. */
    private String sealedSample;

    @Test
    void fiveHundredPhonesVoteWithinAMinuteAndEveryCodeCountsOnce() throws Exception {
        long campaign = campaign();
        clerk();
        List<Long> villages = jdbc.sql("select id from organization where parent_id = :p and retired = false and field = 'VILLAGE'"
                + " and kind = 'BRANCH' order by id").param("p", id(TOWN)).query(Long.class).list();
        assertThat(villages).as("a village of " + TOWN + " per ballot of ours").hasSizeGreaterThanOrEqualTo(1 + ROUNDS);
        postmaster = BenchMachine.postmaster(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String server = jdbc.sql("show server_version").query(String.class).single() + " (fsync="
                + jdbc.sql("show fsync").query(String.class).single() + ", synchronous_commit="
                + jdbc.sql("show synchronous_commit").query(String.class).single() + ")";
        BenchMachine.LoadSampler load = new BenchMachine.LoadSampler();
        List<String> notes = new ArrayList<>();

        // warm-up: a ballot of the module's own (the request a 审议 makes) voted in a burst by each side, so that
        // neither side's first measured votes pay for class loading and compilation
        OpenedBallot warm = ballots.open(request("预热", VOTERS));
        Run warmOurs = new Run("warm-up");
        burst(warmOurs, voters(warm.codes(), REUSED, new Random(1)), (v, run) -> phoneVotes(warm.slug(), v, run));
        assertThat(warmOurs.problems).as("warm-up: answers other than a receipt or a refused code").isEmpty();
        sealedSample = jdbc.sql("select sealed from ballot_vote where poll_id = :p fetch first 1 rows only").param("p", warm.id())
                .query(String.class).single();
        Totals warmTotals = ballots.close(warm.slug(), warm.closingKey());
        checkTotals("warm-up", warmOurs, warmTotals.spent(), Map.of("AGREE", warmTotals.count(0, "AGREE"),
                "DISAGREE", warmTotals.count(0, "DISAGREE"), "ABSTAIN", warmTotals.count(0, "ABSTAIN")), warmTotals.unreadable());
        RawBallot warmRaw = rawBallot();
        burst(new Run("warm-up raw"), voters(warmRaw.hashes, REUSED, new Random(1)), warmRaw::vote);
        warmRaw.close();

        List<String> rows = new ArrayList<>();
        rows.add("| arrivals | side | votes taken | codes refused (of codes sent twice at once) | votes/s | page p50 / p95 / p99 ms | vote p50 / p95 / p99 ms"
                + " | most in flight | CPU ms per vote: JVM (server threads, load client) + PostgreSQL | ours ÷ raw (votes/s) |");
        rows.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        // spread: one meeting of ours, then the same arrival times on a raw ballot
        double[] arrivals = arrivals(new Random(7));
        Meeting meeting = meeting(campaign, villages.get(0));
        Run spreadOurs = new Run("spread over " + fmt(SECONDS) + " s");
        spread(spreadOurs, arrivals, voters(meeting.codes, 0, new Random(11)), (v, run) -> phoneVotes(meeting.slug, v, run));
        notes.add(meeting.close(spreadOurs));
        RawBallot spreadRaw = rawBallot();
        Run spreadRawRun = new Run("spread raw");
        spread(spreadRawRun, arrivals, voters(spreadRaw.hashes, 0, new Random(11)), spreadRaw::vote);
        spreadRaw.check(spreadRawRun);
        spreadRaw.close();
        rows.add(spreadOurs.row("spread over " + fmt(SECONDS) + " s (Poisson)", "ours", spreadRawRun));
        rows.add(spreadRawRun.row("spread over " + fmt(SECONDS) + " s (Poisson)", "raw", null));

        // burst: all at once, the sides taking turns round by round
        Run burstOurs = new Run("burst");
        Run burstRaw = new Run("burst raw");
        for (int r = 0; r < ROUNDS; r++) {
            Meeting m = meeting(campaign, villages.get(1 + r));
            RawBallot raw = rawBallot();
            Run ours = new Run("burst " + (r + 1));
            Run rawRun = new Run("burst raw " + (r + 1));
            if (r % 2 == 0) {
                burst(ours, voters(m.codes, REUSED, new Random(100 + r)), (v, run) -> phoneVotes(m.slug, v, run));
                burst(rawRun, voters(raw.hashes, REUSED, new Random(100 + r)), raw::vote);
            } else {
                burst(rawRun, voters(raw.hashes, REUSED, new Random(100 + r)), raw::vote);
                burst(ours, voters(m.codes, REUSED, new Random(100 + r)), (v, run) -> phoneVotes(m.slug, v, run));
            }
            notes.add(m.close(ours));
            raw.check(rawRun);
            raw.close();
            burstOurs.add(ours);
            burstRaw.add(rawRun);
        }
        String burstName = "burst: " + VOTERS + " at once, " + CONCURRENCY + " in flight (" + ROUNDS + " rounds)";
        rows.add(burstOurs.row(burstName, "ours", burstRaw));
        rows.add(burstRaw.row(burstName, "raw", null));
        load.close();

        String header = "PhoneBallotBenchmark, " + java.time.ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")) + ", "
                + (TestDatabases.postgres() ? TestDatabases.postgresServer() + " " : "H2 ") + server + ", " + BenchMachine.jvm()
                + ";\n" + load.summary() + ";\n" + VOTERS + " voters per ballot (one code each), spread over " + fmt(SECONDS)
                + " s and in " + ROUNDS + " bursts of " + CONCURRENCY + " phones in flight, " + REUSED
                + " codes sent twice at once in each burst and " + REUSED + " sent again after each ballot of ours";
        String cpuNote = "A vote of ours is the page (GET) and the vote (POST) of one phone; raw is the vote's transaction alone."
                + " votes/s: votes taken ÷ the time from the first arrival to the last answer (spread: bounded by the arrivals)."
                + " CPU per vote: process CPU time of the JVM (application, load client, JIT and GC together), of its web server's"
                + " request threads (http-nio-*) and of the load client's threads, and the PostgreSQL server's processes"
                + (postmaster > 0 ? "" : " (not available: the server is not a process of this machine)")
                + ", over the side's timed votes ÷ the votes taken (spread: with what the JVM spends between arrivals,"
                + " so compare the bursts').";
        String report = header + "\n\n" + String.join("\n", rows) + "\n\n" + cpuNote + "\n\n" + String.join("\n", notes) + "\n";
        BenchMachine.publish("PhoneBallotBenchmark", report);
    }

    // ---------------------------------------------------------------- the voters

    /** One phone's try: the code it types (raw: the code's stored hash), its choice, and whether it repeats another's code. */
    record Voter(int index, String code, String choice, boolean repeat) {
    }

    /**
     * One voter per code in a shuffled order, choices 同意 70%, 不同意 20%, 弃权 10%; the first {@code reused} codes
     * are tried a second time by another phone right after the first, so that both are in flight together.
     */
    private static List<Voter> voters(List<String> codes, int reused, Random r) {
        List<String> order = new ArrayList<>(codes);
        Collections.shuffle(order, r);
        List<Voter> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            out.add(new Voter(out.size(), order.get(i), choice(r), false));
            if (i < reused) {
                out.add(new Voter(out.size(), order.get(i), choice(r), true));
            }
        }
        return out;
    }

    private static String choice(Random r) {
        int x = r.nextInt(10);
        return CHOICES.get(x < 7 ? 0 : x < 9 ? 1 : 2);
    }

    /** {@code bench.voters} arrival times in seconds, uniform in the window and sorted. */
    private static double[] arrivals(Random r) {
        double[] t = new double[VOTERS];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextDouble() * SECONDS;
        }
        Arrays.sort(t);
        return t;
    }

    interface Vote {
        /** Casts one voter's vote; records its latencies and outcome in the run. */
        void cast(Voter v, Run run) throws Exception;
    }

    /** One side's votes: what was taken and refused, the latencies, the CPU and the wall time. */
    final class Run {
        final String name;
        final Map<String, Integer> taken = new ConcurrentHashMap<>();
        final Set<String> codesTaken = ConcurrentHashMap.newKeySet();
        final Set<String> receipts = ConcurrentHashMap.newKeySet();
        final AtomicInteger refused = new AtomicInteger();
        /** Tries with a code another phone also sent (one of the two must be refused). */
        final AtomicInteger repeats = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> votes = new ConcurrentLinkedQueue<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        final AtomicLong workerCpu = new AtomicLong();
        BenchMachine.Cpu cpu = BenchMachine.ZERO;
        long nanos;

        Run(String name) {
            this.name = name;
        }

        int count() {
            return taken.values().stream().mapToInt(Integer::intValue).sum();
        }

        void took(Voter v, String receipt) {
            assertThat(codesTaken.add(v.code())).as(name + ": code of voter " + v.index() + " taken twice").isTrue();
            taken.merge(v.choice(), 1, Integer::sum);
            if (receipt != null) {
                assertThat(receipts.add(receipt)).as(name + ": receipt given twice").isTrue();
            }
        }

        void add(Run o) {
            o.taken.forEach((k, n) -> taken.merge(k, n, Integer::sum));
            refused.addAndGet(o.refused.get());
            repeats.addAndGet(o.repeats.get());
            pages.addAll(o.pages);
            votes.addAll(o.votes);
            mostInFlight.accumulateAndGet(o.mostInFlight.get(), Math::max);
            problems.addAll(o.problems);
            cpu = cpu.plus(o.cpu);
            nanos += o.nanos;
        }

        double rate() {
            return count() / (nanos / 1e9);
        }

        String row(String arrivals, String side, Run raw) {
            assertThat(problems).as(name + ": answers other than a receipt or a refused code").isEmpty();
            assertThat(refused.get()).as(name + ": codes refused, one of each code sent twice").isEqualTo(repeats.get());
            long[] p = pages.stream().mapToLong(Long::longValue).toArray();
            long[] v = votes.stream().mapToLong(Long::longValue).toArray();
            int n = count();
            return String.format("| %s | %s | %,d | %d (%d) | %,.1f | %s | %s | %d | %s | %s |", arrivals, side, n, refused.get(),
                    repeats.get(), rate(), p.length == 0 ? "–" : percentiles(p), percentiles(v), mostInFlight.get(),
                    BenchMachine.perOperation(cpu, n, raw != null, 2), raw == null ? "" : String.format("%.2f", rate() / raw.rate()));
        }
    }

    private static String percentiles(long[] nanos) {
        return String.format("%.1f / %.1f / %.1f", BenchMachine.percentile(nanos, 50), BenchMachine.percentile(nanos, 95), BenchMachine.percentile(nanos, 99));
    }

    /** Everyone at once: {@code bench.concurrency} phones in flight, each taking the next voter when it is done. */
    private void burst(Run run, List<Voter> voters, Vote vote) throws Exception {
        ConcurrentLinkedQueue<Voter> queue = new ConcurrentLinkedQueue<>(voters);
        Thread[] threads = new Thread[CONCURRENCY];
        BenchMachine.Cpu before = BenchMachine.cpu(postmaster);
        long start = System.nanoTime();
        for (int i = 0; i < CONCURRENCY; i++) {
            threads[i] = new Thread(() -> {
                long own = BenchMachine.threadCpu();
                Voter v;
                while ((v = queue.poll()) != null) {
                    castOne(run, v, vote);
                }
                run.workerCpu.addAndGet(BenchMachine.threadCpu() - own);
            }, "bench-phone-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        finish(run, before, start);
    }

    /**
     * Each voter at its arrival time, whatever the others are doing: a dispatcher hands each to a thread of its own
     * (from a pool that grows as needed) when its time comes.
     */
    private void spread(Run run, double[] arrivals, List<Voter> voters, Vote vote) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-phone");
            t.setDaemon(true);
            return t;
        });
        BenchMachine.Cpu before = BenchMachine.cpu(postmaster);
        long start = System.nanoTime();
        for (int i = 0; i < voters.size(); i++) {
            long at = start + (long) (arrivals[i] * 1e9);
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Voter v = voters.get(i);
            pool.execute(() -> {
                long own = BenchMachine.threadCpu();
                castOne(run, v, vote);
                run.workerCpu.addAndGet(BenchMachine.threadCpu() - own);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        finish(run, before, start);
    }

    private static void castOne(Run run, Voter v, Vote vote) {
        if (v.repeat()) {
            run.repeats.incrementAndGet();
        }
        run.mostInFlight.accumulateAndGet(run.inFlight.incrementAndGet(), Math::max);
        try {
            vote.cast(v, run);
        } catch (Throwable e) {
            run.problems.add("voter " + v.index() + ": " + e);
        } finally {
            run.inFlight.decrementAndGet();
        }
    }

    private void finish(Run run, BenchMachine.Cpu before, long start) {
        run.nanos = System.nanoTime() - start;
        BenchMachine.Cpu used = BenchMachine.cpu(postmaster).minus(before);
        run.cpu = new BenchMachine.Cpu(used.jvm(), used.clientThreads() + run.workerCpu.get(), used.serverThreads(), used.postgres());
        System.out.printf("  %s: %d taken, %d refused in %.2f s = %.1f/s, most in flight %d, CPU ms per vote %s, load %s%n", run.name,
                run.count(), run.refused.get(), run.nanos / 1e9, run.rate(), run.mostInFlight.get(), BenchMachine.perOperation(run.cpu, run.count(), true, 2),
                BenchMachine.loadavg());
    }

    // ---------------------------------------------------------------- ours: a phone

    /** A phone opens the voting page and posts its code and choice as the page's form does. */
    private void phoneVotes(String slug, Voter v, Run run) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/q/v/" + slug);
        long t0 = System.nanoTime();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long t1 = System.nanoTime();
        if (page.statusCode() != 200 || !page.body().contains("name=\"code\"")) {
            run.problems.add("page " + page.statusCode());
            return;
        }
        noCookie(page, run);
        String form = "code=" + URLEncoder.encode(v.code(), StandardCharsets.UTF_8) + "&choice=" + v.choice();
        long t2 = System.nanoTime();
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        long t3 = System.nanoTime();
        noCookie(res, run);
        run.pages.add(t1 - t0);
        run.votes.add(t3 - t2);
        Matcher m = RECEIPT.matcher(res.body());
        if (res.statusCode() == 200 && m.find()) {
            run.took(v, m.group(1).trim());
        } else if (res.statusCode() == 409 && res.body().contains("测评码无效或已经使用过")) {
            refused(run, v);
        } else {
            run.problems.add("vote " + res.statusCode() + " for voter " + v.index());
        }
    }

    private static void refused(Run run, Voter v) {
        run.refused.incrementAndGet();
    }

    private static void noCookie(HttpResponse<String> res, Run run) {
        if (!res.headers().allValues("set-cookie").isEmpty()) {
            run.problems.add("a public page set a cookie: " + res.headers().allValues("set-cookie"));
        }
    }

    // ---------------------------------------------------------------- ours: the meeting

    /** A 审议 on phones in a village of the town: its codes, link and closing key as the clerk gets them. */
    final class Meeting {
        final long campaign;
        final long village;
        final List<String> codes = new ArrayList<>();
        final String slug;
        final String closingKey;

        Meeting(long campaign, long village, JsonNode opened) {
            this.campaign = campaign;
            this.village = village;
            opened.get("codes").forEach(c -> codes.add(c.asText()));
            slug = opened.get("meeting").get("slug").asText();
            closingKey = opened.get("closingKey").asText();
        }

        /**
         * Codes used once more are refused; the clerk closes the ballot with its key and the meeting's attendance;
         * the totals must be the phones' choices, every receipt a phone got must be listed. Answers a line for the
         * report.
         */
        String close(Run run) throws Exception {
            assertThat(run.problems).as(run.name + ": answers other than a receipt or a refused code").isEmpty();
            Run again = new Run(run.name + ", codes used again");
            List<String> used = new ArrayList<>(run.codesTaken);
            Collections.shuffle(used, new Random(5));
            for (String code : used.subList(0, Math.min(REUSED, used.size()))) {
                phoneVotes(slug, new Voter(-1, code, CHOICES.get(0), true), again);
            }
            assertThat(again.problems).isEmpty();
            assertThat(again.count()).as("codes used again that were taken").isZero();
            assertThat(again.refused.get()).isEqualTo(Math.min(REUSED, used.size()));

            String url = "/api/grading/cases/" + campaign + "/" + village;
            JsonNode open = call(get(url), CLERK, null);
            assertThat(open.get("ballotTurnout").asInt()).as("votes cast so far, on the clerk's screen").isEqualTo(run.count());
            long t0 = System.nanoTime();
            JsonNode closed = call(post(url + "/ballot/phone/close"), CLERK, map("attendance", VOTERS, "closingKey", closingKey));
            long closeMillis = (System.nanoTime() - t0) / 1_000_000;
            JsonNode d = closed.get("deliberation");
            assertThat(d.get("ballotsIssued").asInt()).isEqualTo(VOTERS);
            checkTotals(run.name, run, d.get("ballotsReturned").asInt(), Map.of("AGREE", d.get("agree").asInt(),
                    "DISAGREE", d.get("disagree").asInt(), "ABSTAIN", d.get("abstain").asInt()), d.get("invalid").asInt());

            // the counted ballot's page lists the receipts counted: exactly those the phones were given
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/v/" + slug))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String> listed = new ArrayList<>();
            Matcher m = LISTED.matcher(page.body().substring(Math.max(0, page.body().indexOf("id=\"receipts\""))));
            while (m.find()) {
                listed.add(m.group(1).trim());
            }
            assertThat(listed).as(run.name + ": receipts listed after the count").hasSize(run.count())
                    .containsExactlyInAnyOrderElementsOf(run.receipts);
            assertThat(jdbc.sql("select count(*) from ballot_code where poll_id = (select id from poll where slug = :s)")
                    .param("s", slug).query(Long.class).single()).as("codes deleted by the count").isZero();
            return String.format("%s: %d votes counted with the closing key through the grading API in %d ms (同意 %d, 不同意 %d,"
                            + " 弃权 %d, invalid %d), %d receipts listed, %d codes used again refused.", run.name, run.count(), closeMillis,
                    d.get("agree").asInt(), d.get("disagree").asInt(), d.get("abstain").asInt(), d.get("invalid").asInt(), listed.size(),
                    again.refused.get());
        }
    }

    /** The count equals what the phones cast: per choice, in all, nothing unreadable, each code once. */
    private static void checkTotals(String name, Run run, int returned, Map<String, Integer> counted, int invalid) {
        Map<String, Integer> cast = new TreeMap<>();
        CHOICES.forEach(c -> cast.put(c, run.taken.getOrDefault(c, 0)));
        assertThat(new TreeMap<>(counted)).as(name + ": totals against the choices the phones cast").isEqualTo(cast);
        assertThat(returned).as(name + ": votes counted").isEqualTo(run.count());
        assertThat(invalid).as(name + ": votes that could not be opened").isZero();
        assertThat(run.codesTaken).hasSize(run.count());
    }

    private Meeting meeting(long campaign, long village) throws Exception {
        String url = "/api/grading/cases/" + campaign + "/" + village;
        JsonNode one = call(post(url + "/public-review"), CLERK, map("heldOn", today.minusDays(2), "place", "村党群服务中心",
                "expected", 40, "attendance", 30, "votes", Map.of("一般", 20, "先进", 2)));
        int members = one.get("members").asInt();
        JsonNode two = call(post(url + "/member-review"), CLERK, map("heldOn", today.minusDays(1), "place", "村党员活动室",
                "attendance", members, "votes", Map.of("一般", members - 3, "先进", 2)));
        Map<String, Integer> scores = new TreeMap<>();
        for (int d = 1; d <= 5; d++) {
            for (int k = 1; k <= 5; k++) {
                scores.put(d + "." + k, 3);
            }
        }
        JsonNode sheet = call(put(url + "/score-sheet"), CLERK, map("scores", scores, "version", two.get("version").asLong()));
        call(post(url + "/self-grade"), CLERK, map("grade", "一般", "statement", "对照标准自评为一般。",
                "version", sheet.get("version").asLong()));
        JsonNode opened = call(post(url + "/ballot/phone"), CLERK, map("heldOn", today, "place", "村党群服务中心会议室",
                "expected", VOTERS, "codes", VOTERS));
        Meeting m = new Meeting(campaign, village, opened);
        assertThat(m.codes).hasSize(VOTERS).doesNotHaveDuplicates();
        return m;
    }

    // ---------------------------------------------------------------- raw

    /**
     * A ballot of the module's own for the raw side (its rows are the same tables'), whose codes raw spends by their
     * stored hashes: one transaction per vote, the code's update and one sealed vote of ours' length.
     */
    final class RawBallot {
        final long id;
        final List<String> hashes;
        final BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONCURRENCY);

        RawBallot(long id) throws Exception {
            this.id = id;
            this.hashes = jdbc.sql("select code_hash from ballot_code where poll_id = :p").param("p", id).query(String.class).list();
            for (int i = 0; i < CONCURRENCY; i++) {
                Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
                c.setAutoCommit(false);
                connections.add(c);
            }
        }

        void vote(Voter v, Run run) throws Exception {
            Connection c = connections.take();
            try {
                long t = System.nanoTime();
                boolean ok;
                try (PreparedStatement spend = c.prepareStatement("update ballot_code set spent = true where poll_id = ? and code_hash = ?"
                        + " and spent = false"); PreparedStatement deposit = c.prepareStatement(
                        "insert into ballot_vote (poll_id, sealed) values (?, ?)")) {
                    spend.setLong(1, id);
                    spend.setString(2, v.code());
                    ok = spend.executeUpdate() == 1;
                    if (ok) {
                        deposit.setLong(1, id);
                        deposit.setString(2, sealedSample);
                        deposit.executeUpdate();
                        c.commit();
                    } else {
                        c.rollback();
                    }
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
                run.votes.add(System.nanoTime() - t);
                if (ok) {
                    run.took(v, null);
                } else {
                    refused(run, v);
                }
            } finally {
                connections.add(c);
            }
        }

        /** Raw's rows: one spent code and one sealed vote per vote taken. */
        void check(Run run) {
            assertThat(run.problems).as(run.name).isEmpty();
            assertThat(jdbc.sql("select count(*) from ballot_code where poll_id = :p and spent = true").param("p", id)
                    .query(Integer.class).single()).isEqualTo(run.count());
            assertThat(jdbc.sql("select count(*) from ballot_vote where poll_id = :p").param("p", id).query(Integer.class).single())
                    .isEqualTo(run.count());
        }

        void close() throws Exception {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private RawBallot rawBallot() throws Exception {
        return new RawBallot(ballots.open(request("对照", VOTERS)).id());
    }

    /** What a 审议 asks (GradingCases.openPhoneBallot): the self-grade, 同意/不同意/弃权, one code per person. */
    private BallotRequest request(String what, int codes) {
        return new BallotRequest("丹景山镇某村 自评等次“一般”审议（" + what + "）", today, List.of("一般"), CHOICES, codes);
    }

    // ---------------------------------------------------------------- set-up

    private long id(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    private long campaign() throws Exception {
        int year = today.getYear();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return call(post("/api/campaigns"), "admin", map("rootOrganizationId", id(TOWN), "year", year, "name", year + "年度测评压力测试活动",
                "surveyStartsOn", first, "surveyEndsOn", last, "surveyDueOn", last,
                "gradingStartsOn", first, "gradingEndsOn", last, "gradingDueOn", last,
                "upgradeStartsOn", last, "upgradeEndsOn", last, "upgradeDueOn", last,
                "acceptanceStartsOn", last, "acceptanceEndsOn", last, "acceptanceDueOn", last)).get("id").asLong();
    }

    private void clerk() throws Exception {
        call(post("/api/accounts"), "admin", map("username", CLERK, "displayName", "丹景山镇组织委员", "organizationId", id(TOWN),
                "role", "SUPERVISOR", "password", "Bench2026pass", "enabled", true));
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String as, Object body) throws Exception {
        request.with(users.as(as));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        String out = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(out).isIn(200, 201);
        return json.readTree(out);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof LocalDate d ? d.toString() : v);
        }
        return m;
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

}
