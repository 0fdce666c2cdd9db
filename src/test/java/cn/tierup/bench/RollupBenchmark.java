package cn.tierup.bench;

import cn.tierup.acceptance.Transitions;
import cn.tierup.acceptance.WorkSummaries;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeRegister;
import cn.tierup.grading.GradingFigures;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.reporting.ClassificationTables;
import cn.tierup.reporting.Cockpit;
import cn.tierup.reporting.StationClassificationTables;
import cn.tierup.reporting.SurveySummaryTable;
import cn.tierup.setup.ProvinceCampaignGenerator;
import cn.tierup.setup.ProvinceDataGenerator;
import cn.tierup.shared.PageResult;
import cn.tierup.survey.SurveyFigures;
import cn.tierup.testsupport.StatementLog;
import cn.tierup.testsupport.TestDatabases;
import cn.tierup.upgrade.UpgradeFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-ups a province's offices wait on, at province scale, run by {@code mvn -Pbench verify} on PostgreSQL
 * ({@code -Dit.test=RollupBenchmark} for this one alone). {@link ProvinceDataGenerator} writes the province (about
 * 100,000 organisations, 2,000,000 members) and {@link ProvinceCampaignGenerator} last year's campaign over it (every
 * organisation graded and decided at the start and at the end of the year, goals, 200,000 ledger lines, 300,000 pledge items, 10,000,000 questionnaire answers;
 * knobs in both). Then for the province, counties and towns (cycling over several of each level, each served as its
 * own account would be: the guard's scope is that account's) the product's own services are called as the pages and
 * APIs call them — 附件2, 附件3/4, 附件5, the grading overview, the register with filters, the upgrade and pledge
 * figures, the year-end rates (work summary) and transitions, and each block of the cockpit.
 *
 * <p>"Raw" is the very SQL each call ran, recorded once per organisation with its bound values ({@link StatementLog})
 * and run again on one plain connection, statement by statement, prepared per call, every column of every row read:
 * what the database costs without the application's work around it. The two sides alternate call by call (and swap who
 * goes first); ops/s is iterations ÷ the summed time of that side. Before anything is timed, each call's key figure is
 * compared with an independent count in SQL over the generated rows (the two must agree). Nothing fails on a time.
 * Knobs: {@code bench.iterations} (county and town, 200), {@code bench.warmup} (30), {@code bench.province-iterations}
 * (20), {@code bench.case-seconds} (60: a case stops after that much timed work, at least 3 iterations; the table gives
 * the iterations done), {@code bench.counties} and {@code bench.towns} (how many to cycle over, 20 and 50),
 * {@code bench.cases} (only the roll-ups whose name contains one of these, comma-separated, e.g. {@code 附件4,cockpit});
 * {@code bench.pg-settings} (PostgreSQL settings of the database for both sides, as {@code name=value,…}, see
 * {@link DatabaseSettings});
 * the scale knobs of the two generators.
 */
@SpringBootTest(properties = {"tierup.demo.enabled=false", "logging.level.root=WARN"})
@Import(StatementLog.Config.class)
class RollupBenchmark {

    private static final int ITERATIONS = Integer.getInteger("bench.iterations", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int PROVINCE_ITERATIONS = Integer.getInteger("bench.province-iterations", 20);
    /** A case stops after this many seconds of timed calls (both sides), with at least 3 iterations, and says so. */
    private static final double CASE_SECONDS = Double.parseDouble(System.getProperty("bench.case-seconds", "60"));
    /** Only the roll-ups whose name contains one of these (comma-separated); all when empty. */
    private static final List<String> ONLY = Arrays.stream(System.getProperty("bench.cases", "").split(","))
            .map(String::trim).filter(x -> !x.isEmpty()).toList();

    @Autowired ApplicationContext context;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired SurveySummaryTable surveyTable;
    @Autowired ClassificationTables classification;
    @Autowired StationClassificationTables stationTables;
    @Autowired GradingFigures grading;
    @Autowired GradeRegister register;
    @Autowired UpgradeFigures upgrade;
    @Autowired PledgeFigures pledges;
    @Autowired WorkSummaries summaries;
    @Autowired Transitions transitions;
    @Autowired Cockpit cockpit;

    private long campaign;
    private int year;

    /** One roll-up: its name, the call as its page makes it for an organisation, and its key figure with the SQL that must agree. */
    private record Case(String name, Function<Long, Object> call, Function<Object, Long> figure, String check) {
    }

    @Test
    void rollUpsAtProvinceCountyAndTown() throws Exception {
        BenchMachine.LoadSampler load = new BenchMachine.LoadSampler();
        ProvinceDataGenerator.Options options = ProvinceDataGenerator.Options.fromProperties();
        ProvinceDataGenerator.Result province = new ProvinceDataGenerator(dataSource).generate(options);
        ProvinceCampaignGenerator.Scale scale = ProvinceCampaignGenerator.Scale.fromProperties();
        ProvinceCampaignGenerator.Result last = new ProvinceCampaignGenerator(context).generate(province, scale);
        campaign = last.campaignId();
        year = last.year();
        long dbBytes = jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
        String generated = String.format("%,d organisations and %,d members in %.1f s; last year's campaign: %,d graded, %,d ledger"
                        + " lines, %,d pledge items, %,d answers over %,d town questionnaires, parts %s; database %,d MB",
                province.organizations(), province.members(), province.millis() / 1000.0, last.organizationsGraded(),
                last.ledgerLines(), last.pledgeItems(), last.answers(), last.questionnaires(), seconds(last.millis()),
                dbBytes / (1024 * 1024));
        System.out.println("\n" + generated);

        // PostgreSQL settings as an operator would set them on the server, for both sides (one pool)
        List<Map<String, String>> alternatives = DatabaseSettings.alternatives(System.getProperty("bench.pg-settings", "default"));
        assertThat(alternatives).as("one set of PostgreSQL settings (bench.pg-settings without |)").hasSize(1);
        Map<String, String> settings = alternatives.get(0);
        if (TestDatabases.postgres()) {
            DatabaseSettings.apply(dataSource, settings, settings.keySet());
        }
        try {
            List<Long> counties = sample(2, Integer.getInteger("bench.counties", 20));
            List<Long> towns = sample(3, Integer.getInteger("bench.towns", 50));
            List<Case> cases = cases();
            List<String> out = new ArrayList<>();
            out.add("| level | roll-up | iterations | statements | ours p50 ms | ours p95 ms | ours p99 ms | ours ops/s | raw p50 ms | raw p95 ms"
                    + " | raw ops/s | ours ÷ raw | goal |");
            out.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            Path dir = Path.of(System.getProperty("tierup.bench.out", "target/bench"));
            Files.createDirectories(dir);
            for (Case c : cases) {
                if (!ONLY.isEmpty() && ONLY.stream().noneMatch(c.name()::contains)) {
                    continue;
                }
                out.add(run("province", List.of(province.rootId()), c, PROVINCE_ITERATIONS, 500));
                out.add(run("county", counties, c, ITERATIONS, 100));
                out.add(run("town", towns, c, ITERATIONS, 100));
                // what is measured so far, in case a long run is cut short
                Files.writeString(dir.resolve("RollupBenchmark.partial.md"), generated + "\n\n" + String.join("\n", out) + "\n");
                System.out.println(String.join("\n", out.subList(out.size() - 3, out.size())));
            }
            load.close();
            String header = "RollupBenchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + ", "
                    + (TestDatabases.postgres() ? TestDatabases.postgresServer() + " " + jdbc.sql("show server_version")
                    .query(String.class).single() + " with " + DatabaseSettings.label(settings) : "H2") + ", " + BenchMachine.jvm() + "; " + generated + "; iterations: province "
                    + PROVINCE_ITERATIONS + ", " + counties.size() + " counties and " + towns.size() + " towns " + ITERATIONS
                    + " each, after " + WARMUP + " warm-up; " + load.summary();
            String report = header + "\n\n" + String.join("\n", out) + "\n";
            BenchMachine.publish("RollupBenchmark", report);
        } finally {
            if (TestDatabases.postgres()) {
                DatabaseSettings.apply(dataSource, Map.of(), settings.keySet());
            }
        }
    }

    private static String seconds(Map<String, Long> millis) {
        List<String> parts = new ArrayList<>();
        millis.forEach((k, v) -> parts.add(k + " " + String.format("%.1f s", v / 1000.0)));
        return String.join(", ", parts);
    }

    /** Up to {@code n} organisations at {@code depth}, shuffled with a fixed seed. */
    private List<Long> sample(int depth, int n) {
        List<Long> all = new ArrayList<>(jdbc.sql("select id from organization where depth = :d and name not like '%测试%' order by id")
                .param("d", depth).query(Long.class).list());
        Collections.shuffle(all, new Random(7));
        return all.subList(0, Math.min(n, all.size()));
    }

    private static final String UNDER = " join organization o on o.id = x.organization_id"
            + " where o.path like (select path from organization where id = ?) || '%' and o.id <> ?";

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("附件2 大调查情况汇总表", org -> surveyTable.summary(campaign, org),
                r -> ((SurveyFigures.Summary) r).total().onlineQuestionnaires(),
                "select count(*) from questionnaire_response r join questionnaire x on x.id = r.questionnaire_id" + UNDER.replace(
                        "o.id <> ?", "o.id <> ? * 0") + " and x.campaign_id = ?"));
        cases.add(new Case("附件3 分类名单统计表", org -> classification.names(campaign, org),
                r -> (long) ((ClassificationTables.Names) r).lines().size(), null));
        cases.add(new Case("附件4 分类情况汇总表", org -> classification.summary(campaign, org),
                r -> ((ClassificationTables.Summary) r).unitTotal().decided(),
                "select count(*) from grading_case x" + UNDER + " and x.campaign_id = ? and x.decided_grade is not null"));
        cases.add(new Case("附件5 站点分类汇总表", org -> stationTables.summary(campaign, org), r -> 0L, null));
        cases.add(new Case("grading overview (定级进度)", org -> grading.overview(campaign, org),
                r -> ((GradingFigures.Overview) r).grades().decided(),
                "select count(*) from grading_case x" + UNDER + " and x.campaign_id = ? and x.decided_grade is not null"));
        cases.add(new Case("register, year (台账)", org -> register.find(new GradeRegister.Query(year, null, null, null, null, 0, 20)),
                r -> ((PageResult<?>) r).total(), null));
        cases.add(new Case("register, year + 村 + 后进", org -> register.find(new GradeRegister.Query(year, "VILLAGE", null, Grade.LAGGING,
                        null, 0, 20)), r -> ((PageResult<?>) r).total(),
                "select count(*) from grading_case x" + UNDER + " and x.campaign_id = ? and x.field = 'VILLAGE'"
                        + " and x.decided_level = 'LAGGING'"));
        cases.add(new Case("register, name contains 村", org -> register.find(new GradeRegister.Query(null, null, null, null, "太平",
                0, 20)), r -> ((PageResult<?>) r).total(), null));
        cases.add(new Case("upgrade figures (晋位升级)", org -> upgrade.overview(campaign, org),
                r -> ((UpgradeFigures.Overview) r).totals().items(),
                "select count(*) from rectification_item x" + UNDER + " and x.campaign_id = ?"));
        cases.add(new Case("pledge figures (践诺统计)", org -> pledges.summary(campaign, org),
                r -> ((PledgeFigures.Summary) r).total().items(),
                "select count(*) from pledge_item i join pledge p on p.id = i.pledge_id join pledge_board x on x.id = p.board_id"
                        + UNDER + " and x.campaign_id = ?"));
        cases.add(new Case("year-end rates (工作总结)", org -> summaries.get(campaign, org), r -> 0L, null));
        cases.add(new Case("transitions (等次变化)", org -> transitions.report(campaign, org, null),
                r -> ((Transitions.TransitionReport) r).organizations(), null));
        for (Cockpit.BlockKind k : Cockpit.BlockKind.values()) {
            cases.add(new Case("cockpit " + k.slug(), org -> cockpit.block(k, campaign, org), r -> 0L, null));
        }
        return cases;
    }

    private String run(String level, List<Long> orgs, Case c, int iterations, int goalMs) throws SQLException {
        int warmup = Math.min(WARMUP, iterations);
        Map<Long, List<StatementLog.Call>> recorded = new HashMap<>();
        try (Connection raw = dataSource.getConnection()) {
            raw.setReadOnly(true);
            for (long org : orgs) {
                act(org);
                StatementLog.Recorded<Object> r = StatementLog.record(() -> c.call().apply(org));
                recorded.put(org, r.calls().stream().filter(x -> x.sql() != null).toList());
                // the key figure agrees with an independent count over the generated rows
                if (c.check() != null) {
                    long expected = count(raw, c.check(), org, org, campaign);
                    assertThat(c.figure().apply(r.result())).as(level + " " + org + " " + c.name()).isEqualTo(expected);
                }
            }
            for (int i = 0; i < warmup; i++) {
                long org = orgs.get(i % orgs.size());
                ours(c, org);
                raw(raw, recorded.get(org));
            }
            long[] ours = new long[iterations];
            long[] raws = new long[iterations];
            long budget = (long) (CASE_SECONDS * 1e9);
            long spentSoFar = 0;
            int done = 0;
            for (int i = 0; i < iterations && (i < 3 || spentSoFar < budget); i++, done++) {
                long org = orgs.get(i % orgs.size());
                if (i % 2 == 0) {
                    ours[i] = ours(c, org);
                    raws[i] = raw(raw, recorded.get(org));
                } else {
                    raws[i] = raw(raw, recorded.get(org));
                    ours[i] = ours(c, org);
                }
                spentSoFar += ours[i] + raws[i];
            }
            SecurityContextHolder.clearContext();
            ours = Arrays.copyOf(ours, done);
            raws = Arrays.copyOf(raws, done);
            iterations = done;
            double oursRate = iterations / (LongStream.of(ours).sum() / 1e9);
            double rawRate = iterations / (LongStream.of(raws).sum() / 1e9);
            double p95 = percentile(ours, 95);
            double ratio = oursRate / rawRate;
            String goal = (p95 < goalMs ? "p95 met" : "p95 missed") + (ratio >= 0.8 ? ", ratio met" : ", ratio missed");
            int statements = recorded.values().stream().mapToInt(List::size).max().orElse(0);
            return String.format("| %s | %s | %d | %d | %.1f | %.1f | %.1f | %,.1f | %.1f | %.1f | %,.1f | %.2f | %s |", level, c.name(),
                    iterations, statements, percentile(ours, 50), p95, percentile(ours, 99), oursRate, percentile(raws, 50),
                    percentile(raws, 95), rawRate, ratio, goal);
        }
    }

    /** Acts as the organisation's own account, as its office would. */
    private void act(long org) {
        SecurityContextHolder.getContext().setAuthentication(ProvinceCampaignGenerator.as(dataSource, org));
    }

    private final Map<Long, org.springframework.security.core.Authentication> accounts = new HashMap<>();

    private long ours(Case c, long org) {
        SecurityContextHolder.getContext().setAuthentication(accounts.computeIfAbsent(org,
                o -> ProvinceCampaignGenerator.as(dataSource, o)));
        long t = System.nanoTime();
        c.call().apply(org);
        return System.nanoTime() - t;
    }

    /** The recorded statements again on a plain connection: each prepared, bound, run and every column of every row read. */
    private static long raw(Connection c, List<StatementLog.Call> calls) throws SQLException {
        long t = System.nanoTime();
        long sink = 0;
        for (StatementLog.Call call : calls) {
            try (PreparedStatement ps = c.prepareStatement(call.sql())) {
                call.bind(ps);
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                Object v = rs.getObject(i);
                                sink += v == null ? 0 : 1;
                            }
                        }
                    }
                }
            }
        }
        long spent = System.nanoTime() - t;
        return sink < 0 ? -spent : spent;
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}
