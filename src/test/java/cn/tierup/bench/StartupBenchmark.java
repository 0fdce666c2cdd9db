package cn.tierup.bench;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.testsupport.TestDatabases;
import cn.tierup.testsupport.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up and memory of the packaged application ({@code target/tierup.jar}, which the package phase builds before
 * the benchmarks run), each start a process of its own as an operator would start it:
 * <ul>
 * <li>the trial installation: the embedded H2 database with the demo city, first start on an empty directory (time
 * to the first answered page, and until the demo accounts can sign in) and second start on the same files;</li>
 * <li>production: PostgreSQL, an empty database on the first start (the root organisation and administrator of the
 * first-run settings) and the second start.</li>
 * </ul>
 * "First answer" is the login page answering 200. Beside the wall time: the process's CPU time until then
 * ({@code /proc/<pid>/stat}), which does not grow when other work takes the cores as the wall time does, and its
 * resident memory ({@code VmRSS}) then and after a load of {@code bench.users} signed-in users cycling through the
 * busiest pages for {@code bench.load-seconds}. Launches: the jar as it is ({@code java -jar}, the JVM's defaults)
 * and as the README recommends for production (the jar extracted, a class-data archive made by one training run,
 * and the JVM settings of {@code bench.recommended}); {@code -Dbench.java25=<JDK home>} adds a Java 25 launch with
 * its ahead-of-time cache, {@code -Dbench.also="<JVM options>"} one more Java 17 launch like the recommended one with
 * other settings (a comparison in the same run), and {@code -Dbench.defaults=false} leaves out the JVM's defaults.
 * Nothing here fails on a time.
 */
class StartupBenchmark {

    private static final Path JAR = Path.of(System.getProperty("tierup.bench.jar", "target/tierup.jar"));
    private static final Path OUT = Path.of(System.getProperty("tierup.bench.out", "target/bench"));
    private static final String RECOMMENDED = System.getProperty("bench.recommended", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    /** JVM options of one more Java 17 launch with the class-data archive, measured in the same run (a comparison). */
    private static final String ALSO = System.getProperty("bench.also", "");
    /** Whether the jar is also started with the JVM's defaults. */
    private static final boolean DEFAULTS = Boolean.parseBoolean(System.getProperty("bench.defaults", "true"));
    private static final String JAVA25 = System.getProperty("bench.java25", "");
    private static final int USERS = Integer.getInteger("bench.users", 10);
    private static final int LOAD_SECONDS = Integer.getInteger("bench.load-seconds", 30);
    private static final List<String> PAGES = List.of("/", "/orgs", "/grading", "/grading/register", "/upgrade", "/survey");
    private static final List<String> USER_NAMES = List.of("admin", "zhen", "jggw", "cun", "nyj");
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + DemoDataLoader.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** How the application is launched: which java, its options, and the jar it runs. */
    private record Launch(String name, String java, List<String> options, Path jar) {
    }

    /** One start: seconds and CPU seconds to the first answer, seconds until signed in, memory then and after the load. */
    private record Start(double firstAnswer, double cpu, double signedIn, long rssMb, long rssAfterLoadMb, int pagesLoaded) {
    }

    @Test
    void theJarStartsAndStaysSmall() throws Exception {
        assertThat(JAR).as("the packaged jar (mvn -Pbench verify builds it in the package phase)").exists();
        Path work = OUT.resolve("startup");
        deleteTree(work);
        Files.createDirectories(work);
        String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Launch> launches = new ArrayList<>();
        if (DEFAULTS) {
            launches.add(new Launch("java -jar, JVM defaults", java17, List.of(), JAR));
        }
        launches.add(trained("extracted + class-data archive (AppCDS), " + RECOMMENDED, java17, work.resolve("cds17"), false,
                RECOMMENDED));
        if (!ALSO.isBlank()) {
            launches.add(trained("extracted + class-data archive (AppCDS), " + ALSO, java17, work.resolve("cds17-also"), false,
                    ALSO));
        }
        if (!JAVA25.isBlank()) {
            launches.add(trained("Java 25, extracted + AOT cache, " + RECOMMENDED, Path.of(JAVA25, "bin", "java").toString(),
                    work.resolve("aot25"), true, RECOMMENDED));
        }
        TestDatabases.stopServersOnExit();
        List<String> rows = new ArrayList<>();
        try (BenchMachine.LoadSampler load = new BenchMachine.LoadSampler()) {
            int n = 0;
            for (Launch launch : launches) {
                n++;
                Path h2 = work.resolve("h2-" + n);
                Start first = start(launch, h2, true, List.of(), "demo-first", false);
                Start second = start(launch, h2, true, List.of(), "demo-second", true);
                TestDatabases.Database db = TestDatabases.newDatabase();
                List<String> pg = List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(), "--tierup.demo.enabled=false",
                        "--tierup.first-run.root-name=中共启动测试市委员会", "--tierup.first-run.admin-password=Start2026pass");
                Path pgDir = work.resolve("pg-" + n);
                Start pgFirst = start(launch, pgDir, false, pg, "empty-first", false);
                Start pgSecond = start(launch, pgDir, false, pg, "empty-second", false);
                rows.add(row(launch, "H2, demo city, first start (empty directory)", first));
                rows.add(row(launch, "H2, demo city, second start", second));
                rows.add(row(launch, "PostgreSQL, empty database, first start", pgFirst));
                rows.add(row(launch, "PostgreSQL, second start", pgSecond));
            }
            load.close();
            String header = "StartupBenchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                    + " (machine time), " + Runtime.getRuntime().availableProcessors() + " cores; " + TestDatabases.postgresServer()
                    + "; " + load.summary()
                    + "; after each second start on the demo " + USERS + " signed-in users (demo accounts " + USER_NAMES
                    + ") cycled for " + LOAD_SECONDS + " s through " + PAGES + " with one request in flight each";
            String table = "| launch | start | first answer s (wall) | CPU s to first answer | demo accounts sign in after s | "
                    + "resident MB at first answer | resident MB after the load | pages answered in the load |\n"
                    + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n" + String.join("\n", rows) + "\n";
            String report = header + "\n\n" + table;
            BenchMachine.publish("StartupBenchmark", report);
        }
    }

    private static String row(Launch launch, String what, Start s) {
        return String.format("| %s | %s | %.1f | %.1f | %s | %d | %s | %s |", launch.name(), what, s.firstAnswer(), s.cpu(),
                s.signedIn() < 0 ? "–" : String.format("%.1f", s.signedIn()), s.rssMb(),
                s.rssAfterLoadMb() < 0 ? "–" : String.valueOf(s.rssAfterLoadMb()),
                s.pagesLoaded() < 0 ? "–" : String.format("%,d", s.pagesLoaded()));
    }

    /**
     * The launch the README recommends: the jar extracted ({@code -Djarmode=tools extract}), one training run that
     * starts the application on a throwaway database and stops after its context is up, writing the classes it loaded
     * into an archive (Java 17: {@code -XX:ArchiveClassesAtExit}; Java 25: {@code -XX:AOTCacheOutput}), later starts
     * mapping that archive.
     */
    private Launch trained(String name, String java, Path dir, boolean aotCache, String jvmOptions) throws Exception {
        Files.createDirectories(dir);
        run(dir, List.of(java, "-Djarmode=tools", "-jar", JAR.toAbsolutePath().toString(), "extract", "--destination", "app"),
                "extract");
        Path jar = dir.resolve("app").resolve(JAR.getFileName());
        Path archive = dir.resolve(aotCache ? "tierup.aot" : "tierup.jsa");
        List<String> train = new ArrayList<>(List.of(java, aotCache ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-jar", jar.toString(), "--server.port=0", "--tierup.demo.enabled=false",
                "--tierup.first-run.root-name=中共训练市委员会", "--tierup.first-run.admin-password=Train2026pass"));
        run(dir, train, "training");
        assertThat(archive).as("the training run wrote its archive (see " + dir.resolve("training.log") + ")").exists();
        List<String> options = new ArrayList<>(List.of(jvmOptions.strip().split("\\s+")));
        options.add(aotCache ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive);
        return new Launch(name, java, options, jar);
    }

    private static void run(Path dir, List<String> command, String log) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log + ".log").toFile()).start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as(log + " ended").isTrue();
        assertThat(p.exitValue()).as(log + " exit (see " + dir.resolve(log + ".log") + ")").isZero();
    }

    /** Starts the application in {@code dir} and waits for its first answer (and the demo's accounts), then stops it. */
    private Start start(Launch launch, Path dir, boolean demo, List<String> settings, String name, boolean underLoad)
            throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(launch.java()));
        cmd.addAll(launch.options());
        cmd.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--tierup.crypto.key=" + TestDatabases.TEST_CRYPTO_KEY));
        cmd.addAll(settings);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            URI login = URI.create("http://127.0.0.1:" + port + "/login");
            await(p, dir, name, () -> status(HttpRequest.newBuilder(login).GET().build()) == 200);
            double first = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds(p.pid());
            long rss = rssMb(p.pid());
            double signedIn = -1;
            if (demo) {
                HttpRequest me = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/campaigns"))
                        .header("Authorization", ADMIN).header("Accept", "application/json").GET().build();
                await(p, dir, name, () -> status(me) == 200);
                signedIn = (System.nanoTime() - t0) / 1e9;
            }
            long after = -1;
            int pages = -1;
            if (underLoad) {
                pages = load("http://127.0.0.1:" + port);
                after = rssMb(p.pid());
            }
            return new Start(first, cpu, signedIn, rss, after, pages);
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code bench.users} signed-in users, each cycling through the pages with one request in flight; pages answered. */
    private static int load(String base) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
        List<Future<?>> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = USER_NAMES.get(u % USER_NAMES.size());
            users.add(pool.submit(() -> {
                WebClient web = new WebClient();
                HttpResponse<String> in = web.login(base, user, DemoDataLoader.DEMO_PASSWORD);
                assertThat(in.statusCode()).as(user + " signs in").isEqualTo(302);
                for (int i = 0; System.nanoTime() < end; i++) {
                    String page = PAGES.get(i % PAGES.size());
                    HttpResponse<String> res = web.get(base + page);
                    assertThat(res.statusCode()).as(user + " " + page).isIn(200, 302);
                    answered.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : users) {
            f.get();
        }
        pool.shutdown();
        return answered.get();
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Process p, Path dir, String name, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("the application exited; see " + dir.resolve(name + ".log")).isTrue();
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port is not open yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer in 600 s; see " + dir.resolve(name + ".log"));
    }

    private int status(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** User and system CPU time of the process so far, from {@code /proc/<pid>/stat} (ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
