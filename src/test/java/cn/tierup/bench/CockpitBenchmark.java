package cn.tierup.bench;

import cn.tierup.reporting.Cockpit;
import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.TestDatabases;
import cn.tierup.testsupport.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cockpit (工作看板) of the demo city over HTTP, as its page loads it: one request per block, each answered by the
 * owning modules' grouped queries over the subtree. Run by {@code mvn -Pbench verify} on embedded PostgreSQL with the
 * demo (290 organisations): a town's account ({@code zhen}, 丽春镇) and the city's ({@code admin}) sign in through the
 * login form and fetch every block of this year's campaign and of last year's (whose year end the demo did) one after
 * another, {@code bench.cockpit.rounds} times after {@code bench.cockpit.warmup} rounds of warm-up. The goal is a
 * town's cockpit within 100 ms; the page fetches the blocks side by side, so the slowest block is what a user waits
 * for and the sum of the blocks is the bound on a single connection. Nothing here fails on a time: it checks only that
 * every block answered 200.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.root=WARN",
        "server.address=127.0.0.1",
        // the demo's campaigns (this year's and the three before), which the other tests leave out
        "tierup.demo.campaign=true"})
class CockpitBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.cockpit.rounds", 60);
    private static final int WARMUP = Integer.getInteger("bench.cockpit.warmup", 30);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void everyBlockOfTheDemoCitysCockpitForATownAndForTheCity() throws Exception {
        String base = "http://127.0.0.1:" + port;
        long city = jdbc.sql("select id from organization where name = :n").param("n", DemoDataLoader.ROOT_NAME)
                .query(Long.class).single();
        List<Long> campaigns = jdbc.sql("select id from campaign where root_organization_id = :r order by campaign_year desc")
                .param("r", city).query(Long.class).list();
        List<Integer> years = jdbc.sql("select campaign_year from campaign where root_organization_id = :r order by campaign_year desc")
                .param("r", city).query(Integer.class).list();
        assertThat(years).as("the demo city's campaigns: this year's and last year's at least").hasSizeGreaterThanOrEqualTo(2);
        BenchMachine.LoadSampler load = new BenchMachine.LoadSampler();
        List<String> out = new ArrayList<>();
        out.add("| account | campaign | block | p50 ms | p95 ms | max ms |");
        out.add("| --- | --- | --- | ---: | ---: | ---: |");
        for (String user : List.of("zhen", "admin")) {
            WebClient client = new WebClient();
            HttpResponse<String> login = client.login(base, user, DemoDataLoader.DEMO_PASSWORD);
            assertThat(WebClient.location(login)).as(user + " signs in").doesNotContain("error");
            for (int c = 0; c < 2; c++) {
                long campaign = campaigns.get(c);
                int year = years.get(c);
                Cockpit.BlockKind[] kinds = Cockpit.BlockKind.values();
                long[][] times = new long[kinds.length][ROUNDS];
                long[] whole = new long[ROUNDS];
                for (int r = -WARMUP; r < ROUNDS; r++) {
                    long sum = 0;
                    for (int k = 0; k < kinds.length; k++) {
                        String url = base + "/api/dashboard/" + kinds[k].slug() + "?campaign=" + campaign;
                        long t = System.nanoTime();
                        HttpResponse<String> response = client.get(url);
                        long spent = System.nanoTime() - t;
                        assertThat(response.statusCode()).as(user + " " + url).isEqualTo(200);
                        if (r >= 0) {
                            times[k][r] = spent;
                            sum += spent;
                        }
                    }
                    if (r >= 0) {
                        whole[r] = sum;
                    }
                }
                for (int k = 0; k < kinds.length; k++) {
                    out.add(row(user, year, kinds[k].slug(), times[k]));
                }
                out.add(row(user, year, "all blocks, one after another", whole));
            }
        }
        load.close();
        String header = "CockpitBenchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + ", " + (TestDatabases.postgres() ? "embedded PostgreSQL" : "H2") + ", " + BenchMachine.jvm()
                + "; demo city; " + ROUNDS + " rounds after " + WARMUP + " rounds of warm-up, one request in flight; "
                + load.summary();
        String report = header + "\n\n" + String.join("\n", out) + "\n";
        BenchMachine.publish("CockpitBenchmark", report);
    }

    private static String row(String user, int year, String block, long[] nanos) {
        long[] t = nanos.clone();
        Arrays.sort(t);
        return String.format("| %s | %d | %s | %.1f | %.1f | %.1f |", user, year, block, percentile(t, 50), percentile(t, 95),
                t[t.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
