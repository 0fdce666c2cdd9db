package cn.tierup.bench;

import cn.tierup.setup.ProvinceCampaignGenerator;
import cn.tierup.setup.ProvinceDataGenerator;
import cn.tierup.testsupport.TestDatabases;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy day at province scale over HTTP ({@code mvn -Pbench verify -Dit.test=ProvincePagesBenchmark}, PostgreSQL):
 * {@link ProvinceDataGenerator} writes the province (about 100,000 organisations) and {@link ProvinceCampaignGenerator}
 * last year's campaign over it, with an account for the province and every city, county and town. The whole
 * application listens on a random port of 127.0.0.1; {@code bench.users} (50) browsers sign in through the login form,
 * each with its own session — {@code bench.province-users} (5) as the province, {@code bench.county-users} (5) as
 * counties and the rest as towns, each county and town a different one — and each cycles through home (desk), the
 * tree, the grading overview, the register and 附件3/4 (the report page) with one request in flight and no pause, so
 * that all of them are busy at once (a closed loop), or with {@code bench.think-seconds} a pause of about that long
 * after each page (half to one and a half times it), as people reading their pages. Throughput and p50/p95/p99 per page and level; the goal is p95
 * under 100 ms for a town and 300 ms for the province. Nothing fails on a time: it checks only that every page
 * answered 200. Knobs: {@code bench.rounds} (3) of {@code bench.round-seconds} (20) after {@code
 * bench.warmup-seconds} (30); {@code bench.pg-settings} (PostgreSQL settings, {@link #SETTINGS}); the generators' scale knobs ({@code province.*}; members and answers are not read by
 * these pages, so {@code -Dprovince.members-per-branch=2 -Dprovince.answers=200000} saves most of the generation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tierup.demo.enabled=false",
        "logging.level.root=WARN",
        "server.address=127.0.0.1"})
class ProvincePagesBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 50);
    private static final int PROVINCE_USERS = Integer.getInteger("bench.province-users", 5);
    private static final int COUNTY_USERS = Integer.getInteger("bench.county-users", 5);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final double ROUND_SECONDS = Double.parseDouble(System.getProperty("bench.round-seconds", "20"));
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup-seconds", "30"));
    /**
     * Each user's pause between two pages (0: none, the deadline day's closed loop); several, comma-separated, are
     * measured in the same run, their rounds alternating, each with a table of its own.
     */
    private static final List<Double> THINK_SECONDS = java.util.Arrays.stream(
            System.getProperty("bench.think-seconds", "0").split(",")).map(String::strip).map(Double::valueOf).toList();
    /**
     * PostgreSQL settings of the benchmark's database ({@link DatabaseSettings}), as an operator would set them on the
     * server: several alternatives, separated by {@code |}, are measured in the same run, their rounds alternating.
     */
    private static final List<Map<String, String>> SETTINGS =
            DatabaseSettings.alternatives(System.getProperty("bench.pg-settings", "default"));
    private static final List<String> LEVELS = List.of("province", "county", "town");
    private static final int[] GOAL_MS = {300, 100, 100};

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void fiftyBusyUsersAtProvinceCountyAndTown() throws Exception {
        assertThat(TestDatabases.postgres()).as("the province is generated on PostgreSQL").isTrue();
        ProvinceDataGenerator.Result province = new ProvinceDataGenerator(context.getBean(DataSource.class))
                .generate(ProvinceDataGenerator.Options.fromProperties());
        ProvinceCampaignGenerator.Result last = new ProvinceCampaignGenerator(context)
                .generate(province, ProvinceCampaignGenerator.Scale.fromProperties());
        String password = ProvinceCampaignGenerator.password(province.rootId());
        List<String> pages = List.of("/", "/orgs", "/grading?campaign=" + last.campaignId(), "/grading/register",
                "/grading/tables?campaign=" + last.campaignId());

        String base = "http://127.0.0.1:" + port;
        int towns = Math.max(0, USERS - PROVINCE_USERS - COUNTY_USERS);
        List<PageLoad.User> users = new ArrayList<>();
        for (int i = 0; i < PROVINCE_USERS; i++) {
            users.add(new PageLoad.User(base, ProvinceCampaignGenerator.login(province.rootId()), password, "province", pages));
        }
        for (long county : sample(2, COUNTY_USERS)) {
            users.add(new PageLoad.User(base, ProvinceCampaignGenerator.login(county), password, "county", pages));
        }
        for (long town : sample(3, towns)) {
            users.add(new PageLoad.User(base, ProvinceCampaignGenerator.login(town), password, "town", pages));
        }
        for (int i = 0; i < users.size(); i++) {
            users.get(i).next = i % pages.size();
        }
        // the first visit of the root's home page counts every phase over the whole tree (kept afterwards, see
        // shared/KeptFigures): timed alone, before the load, as the day's first visit
        long started = System.nanoTime();
        assertThat(users.get(0).client.get(base + "/").statusCode()).as("the first home page").isEqualTo(200);
        double firstHome = (System.nanoTime() - started) / 1e9;

        List<String> settingNames = DatabaseSettings.names(SETTINGS);
        DataSource pool = context.getBean(DataSource.class);
        BenchMachine.LoadSampler load;
        PageLoad.Rounds byThink = new PageLoad.Rounds();
        try {
            DatabaseSettings.apply(pool, SETTINGS.get(0), settingNames);
            PageLoad.run(users, WARMUP_SECONDS, THINK_SECONDS.get(0));
            load = new BenchMachine.LoadSampler();
            for (int r = 0; r < ROUNDS; r++) {
                for (Map<String, String> settings : SETTINGS) {
                    if (SETTINGS.size() > 1) {
                        DatabaseSettings.apply(pool, settings, settingNames);
                    }
                    for (double think : THINK_SECONDS) {
                        String kind = think(think) + (SETTINGS.size() > 1 ? ", PostgreSQL with " + DatabaseSettings.label(settings) : "");
                        byThink.add(kind, PageLoad.run(users, ROUND_SECONDS, think));
                    }
                }
            }
            load.close();
        } finally {
            DatabaseSettings.apply(pool, Map.of(), settingNames);
        }

        List<String> out = new ArrayList<>();
        for (String kind : byThink.names()) {
            List<PageLoad.Round> rounds = byThink.get(kind);
            out.add("");
            out.add("Users " + kind + ":");
            out.add("");
            out.add("| level | users | page | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | goal (p95) |");
            out.add("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            for (int l = 0; l < LEVELS.size(); l++) {
                String level = LEVELS.get(l);
                long n = users.stream().filter(u -> u.label.equals(level)).count();
                if (n == 0) {
                    continue;
                }
                for (String page : pages) {
                    PageLoad.Times t = new PageLoad.Times(rounds, (label, p) -> label.equals(level) && p.equals(page));
                    out.add("| " + level + " | " + n + " | `" + page.replaceAll("\\?.*", "") + "` | " + t.cells() + " | "
                            + GOAL_MS[l] + " ms " + (t.percentile(95) < GOAL_MS[l] ? "met" : "missed") + " |");
                }
                PageLoad.Times t = new PageLoad.Times(rounds, (label, p) -> label.equals(level));
                out.add("| " + level + " | " + n + " | all five | " + t.cells() + " | " + GOAL_MS[l] + " ms "
                        + (t.percentile(95) < GOAL_MS[l] ? "met" : "missed") + " |");
            }
            PageLoad.Times all = new PageLoad.Times(rounds, (label, p) -> true);
            out.add("| all | " + users.size() + " | all five | " + all.cells() + " | |");
        }

        String header = String.format("ProvincePagesBenchmark, %s, %s, %,d organisations (%,d members), last year's campaign"
                        + " graded (%,d organisations); %d rounds of %.0f s after %.0f s warm-up (per pause below, their"
                        + " rounds alternating), PostgreSQL with %s, %d users signed in (%d province, %d county, %d town); pages %s",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), TestDatabases.postgresServer(),
                province.organizations(), province.members(), last.organizationsGraded(), ROUNDS, ROUND_SECONDS,
                WARMUP_SECONDS, SETTINGS.size() > 1 ? "each alternative below" : DatabaseSettings.label(SETTINGS.get(0)),
                users.size(), PROVINCE_USERS, COUNTY_USERS, towns, pages)
                + String.format("; the first home page of %s (for the province's root: its totals counted) %.1f s, alone",
                users.get(0).label, firstHome)
                + "\n" + BenchMachine.jvm() + "\n" + load.summary() + " (the timed rounds)";
        String report = header + "\n" + String.join("\n", out) + "\n";
        BenchMachine.publish("ProvincePagesBenchmark", report);
    }

    private static String think(double seconds) {
        return seconds > 0 ? String.format("pausing %.1f–%.1f s after each page", seconds / 2, seconds * 1.5)
                : "with no pause between pages";
    }

    /** {@code n} organisations at {@code depth}, shuffled with a fixed seed. */
    private List<Long> sample(int depth, int n) {
        List<Long> all = new ArrayList<>(jdbc.sql("select id from organization where depth = :d order by id")
                .param("d", depth).query(Long.class).list());
        Collections.shuffle(all, new Random(7));
        return all.subList(0, Math.min(n, all.size()));
    }
}
