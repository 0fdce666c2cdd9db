package cn.tierup.bench;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.TestDatabases;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ordinary day's pages over HTTP, run by {@code mvn -Pbench verify} on embedded PostgreSQL with the demo city
 * (290 organisations): the whole application listens on a random port of 127.0.0.1; simulated users sign in
 * through the login form (real sessions) and each cycles through home, tree, grading overview, register, upgrade
 * and survey with one request in flight and no pause between pages (a closed loop, as a deadline day's worst
 * case). One user is the town account {@code zhen}; of {@code bench.users} (50) users, half are {@code zhen} and
 * the rest are spread over {@code admin}, {@code jggw}, {@code cun} and {@code nyj}.
 *
 * <p>"Before" looks the links up as they were looked up before (see {@link #linksAsBefore}): every link a page
 * writes, uncached, in the classpath; "now" is the application as it runs. The two alternate round by round in
 * one run, so the ratio between them is measured under the same load.
 * Only the HTML pages are fetched (a browser keeps the versioned CSS and scripts). Nothing here fails on a time:
 * it checks only that every page answered 200.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.root=WARN",
        "server.address=127.0.0.1"})
class PagesBenchmark {

    private static final List<String> PAGES = List.of("/", "/orgs", "/grading", "/grading/register", "/upgrade", "/survey");
    private static final List<String> OTHERS = List.of("admin", "jggw", "cun", "nyj");
    private static final int USERS = Integer.getInteger("bench.users", 50);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final double ROUND_SECONDS = Double.parseDouble(System.getProperty("bench.round-seconds", "15"));
    /** "before,now" (default) or one of them, e.g. to profile the application as it runs. */
    private static final List<String> VARIANTS = List.of(System.getProperty("bench.variants", "before,now").split(","));
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup-seconds", "20"));

    @LocalServerPort int port;
    @Autowired ResourceUrlProvider links;

    @Test
    void pagesForOneAndManyUsersWithAndWithoutCachedStaticLinks() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageLoad.User one = user(base, "zhen");
        List<PageLoad.User> many = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            many.add(user(base, i % 2 == 0 ? "zhen" : OTHERS.get((i / 2) % OTHERS.size())));
        }
        for (int i = 0; i < many.size(); i++) {
            many.get(i).next = i % PAGES.size();
        }

        String loadBefore = BenchMachine.loadavg();
        PageLoad.run(List.of(one), WARMUP_SECONDS / 4);
        PageLoad.run(many, WARMUP_SECONDS);
        PageLoad.Rounds sides = new PageLoad.Rounds();
        for (int r = 0; r < ROUNDS; r++) {
            for (String variant : VARIANTS) {
                Runnable restore = variant.equals("before") ? linksAsBefore() : () -> { };
                try {
                    sides.add(variant + " 1", PageLoad.run(List.of(one), ROUND_SECONDS / 2));
                    sides.add(variant + " " + USERS, PageLoad.run(many, ROUND_SECONDS));
                } finally {
                    restore.run();
                }
            }
        }
        String loadAfter = BenchMachine.loadavg();

        List<String> out = new ArrayList<>();
        out.add("| static links | users | pages | pages/s | p50 ms | p95 ms | p99 ms | max ms |");
        out.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String name : sides.names()) {
            out.add("| " + name.split(" ")[0] + " | " + name.split(" ")[1] + " | " + all(sides, name).cells() + " |");
        }
        String ratios = "";
        if (VARIANTS.size() == 2) {
            PageLoad.Times before = all(sides, "before " + USERS);
            PageLoad.Times after = all(sides, "now " + USERS);
            PageLoad.Times before1 = all(sides, "before 1");
            PageLoad.Times after1 = all(sides, "now 1");
            ratios = String.format("now ÷ before: %d users pages/s ×%.1f, p95 ÷%.1f; 1 user p50 ÷%.1f",
                    USERS, after.rate() / before.rate(), before.percentile(95) / after.percentile(95),
                    before1.percentile(50) / after1.percentile(50));
        }

        String header = "PagesBenchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + ", " + (TestDatabases.postgres() ? "embedded PostgreSQL" : "H2") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB; " + ROUNDS + " alternating rounds per variant of " + ROUND_SECONDS + " s (" + USERS + " users) and "
                + ROUND_SECONDS / 2 + " s (1 user) after " + WARMUP_SECONDS + " s warm-up; pages " + PAGES
                + "; load average before " + loadBefore + ", after " + loadAfter;
        String report = header + "\n\n" + String.join("\n", out) + "\n\n" + ratios + "\n";
        BenchMachine.publish("PagesBenchmark", report);
    }

    private static PageLoad.User user(String base, String username) {
        return new PageLoad.User(base, username, DemoDataLoader.DEMO_PASSWORD, username, PAGES);
    }

    private static PageLoad.Times all(PageLoad.Rounds sides, String name) {
        return new PageLoad.Times(sides.get(name), (label, page) -> true);
    }

    /**
     * Links looked up as before the resource chains were cached and the static handler mapped to /** was
     * replaced by /favicon.ico: no cache in any chain, and a handler for /** over Spring Boot's default static
     * locations, so that every link a page writes (to a file or not) is looked up in the classpath. Only the
     * links' lookup is changed (the files are served as now); switched between rounds, with no request in
     * flight. Returns what puts everything back.
     */
    private Runnable linksAsBefore() {
        Map<String, ResourceHttpRequestHandler> now = new LinkedHashMap<>(links.getHandlerMap());
        Map<ResourceHttpRequestHandler, List<ResourceResolver>> chains = new LinkedHashMap<>();
        now.values().forEach(h -> chains.put(h, new ArrayList<>(h.getResourceResolvers())));
        assertThat(now.values()).as("cached chains").allMatch(h -> h.getResourceResolvers().get(0) instanceof CachingResourceResolver);
        now.values().forEach(h -> h.getResourceResolvers().removeIf(r -> r instanceof CachingResourceResolver));
        ResourceHttpRequestHandler everything = new ResourceHttpRequestHandler();
        everything.setLocations(List.of(new ClassPathResource("META-INF/resources/"), new ClassPathResource("resources/"),
                new ClassPathResource("static/"), new ClassPathResource("public/")));
        everything.setResourceResolvers(List.of(new LiteWebJarsResourceResolver(), new PathResourceResolver()));
        try {
            everything.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, ResourceHttpRequestHandler> before = new LinkedHashMap<>(now);
        before.put("/**", everything);
        links.setHandlerMap(before);
        return () -> {
            chains.forEach((h, resolvers) -> {
                h.getResourceResolvers().clear();
                h.getResourceResolvers().addAll(resolvers);
            });
            links.setHandlerMap(now);
        };
    }
}
