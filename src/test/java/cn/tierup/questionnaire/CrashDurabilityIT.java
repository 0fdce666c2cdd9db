package cn.tierup.questionnaire;

import cn.tierup.testsupport.ApplicationProcess;
import cn.tierup.testsupport.LocalPostgres;
import cn.tierup.testsupport.Phones;
import cn.tierup.testsupport.Phones.Launched;
import cn.tierup.testsupport.TestDatabases;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlProcessor;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An acknowledged answer survives a kill -9. The real application runs in its own JVM (the test's
 * classpath, the demo city), 16 simulated phones POST complete answers to an open-mode questionnaire, and
 * under that load something is killed with SIGKILL. After the restart every answer that got its 302 to the
 * thank-you page must be stored exactly once, and the tallies must equal the stored answers (nothing partial).
 *
 * <p>On H2 (the embedded default, with the URL options of application.yml) the application is killed and
 * restarted on the same files, then stopped cleanly (SIGTERM) under load: no answer in flight may fail. On PostgreSQL — a server of the test's own from Debian's binaries
 * ({@link LocalPostgres}), {@code synchronous_commit=on} and {@code fsync=on} as a production server has
 * them — first the application is killed and restarted, then the database server itself (the postmaster
 * and all its processes) while the application keeps running, and the server is started again on its
 * files (crash recovery). {@code -Dtierup.crash.synchronous-commit=off} runs the same with commits
 * acknowledged before their WAL is flushed, to see what this test catches.
 */
class CrashDurabilityIT {

    private static final int PHONES = 16;
    private static final long LOAD_MILLIS = 8_000;
    /** Answers acknowledged before the kill, at least, for the figures to prove anything. */
    private static final int ENOUGH = 100;

    @TempDir Path dir;

    private ApplicationProcess app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void everyAcknowledgedAnswerSurvivesAKillDashNineUnderLoad() throws Exception {
        // the PostgreSQL run has no embedded file database to crash: this is about the embedded default
        assumeFalse(TestDatabases.postgres(), "the embedded default is H2");
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("tierup") + shippedUrlOptions();

        app = new ApplicationProcess(dir).start("first", url, "sa", "").awaitCampaign();
        Launched q = Phones.launch(app);

        // SIGKILL on Linux: no shutdown hook, no H2 close, whatever the store has not written is gone
        Load load = Load.run(app, q, app::kill);
        assertThat(load.acknowledged.size()).as("answers acknowledged before the kill").isGreaterThan(ENOUGH);

        // restart on the same files: the product's own statistics after recovery
        app.start("restart", url, "sa", "").awaitCampaign();
        long counted = statistics(app, q);

        // then a clean stop (SIGTERM, as a service manager stops it) under the phones' load: Spring's graceful
        // shutdown lets the requests in flight finish, so none may fail because the embedded database closed under
        // it (H2 closes itself at the JVM's exit unless told not to); the stop also releases the file, so the rows
        // can be read as they are on disk
        Launched q2 = Phones.launch(app);
        Phones phones = Phones.start(app, q2, PHONES);
        phones.awaitMoreThan(ENOUGH, Duration.ofMinutes(3));
        app.stop();
        phones.stop();
        String stopLog = Files.readString(dir.resolve("restart.log"));

        Figures f;
        Phones.Stored s2;
        long lost2;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            f = Figures.of(c, q, load, counted);
            s2 = Phones.Stored.of(c, q2);
            lost2 = phones.acknowledged().size() - Phones.storedOnce(c, q2, phones.acknowledged());
        }
        String figures = "kill -9 after at least " + LOAD_MILLIS / 1000 + " s of " + PHONES + " phones: " + f
                + "; clean stop under load: " + phones.sent() + " sent, " + phones.acknowledged().size() + " acknowledged, "
                + s2 + ", " + lost2 + " acknowledged lost, " + phones.serverErrors() + " answered with a server error";
        System.out.println("CrashDurabilityIT: " + figures);
        Files.writeString(dir.resolve("figures.txt"), figures);
        SoftAssertions soft = new SoftAssertions();
        f.check(soft, figures);
        soft.assertThat(phones.serverErrors()).as("answers failed by the server during the clean stop: " + figures).isZero();
        soft.assertThat(stopLog).as("the clean stop's log").doesNotContain("Database is already closed");
        soft.assertThat(lost2).as("acknowledged answers lost in the clean stop: " + figures).isZero();
        soft.assertThat(s2.tallied()).as("tallies equal stored answers after the clean stop: " + figures).isEqualTo(s2.answers());
        soft.assertAll();
    }

    @Test
    void onPostgresqlEveryAcknowledgedAnswerSurvivesAKillDashNineOfTheApplicationAndOfTheDatabaseServer() throws Exception {
        assumeTrue(TestDatabases.postgres(), "the PostgreSQL run proves it on PostgreSQL");
        String synchronousCommit = System.getProperty("tierup.crash.synchronous-commit", "on");
        try (LocalPostgres pg = LocalPostgres.create(getClass().getSimpleName(),
                Map.of("synchronous_commit", synchronousCommit, "fsync", "on", "full_page_writes", "on"))) {
            pg.start();
            pg.createDatabase("tierup");
            String url = pg.jdbcUrl("tierup");
            String settings = "PostgreSQL " + pg.version() + ", synchronous_commit=" + pg.show("synchronous_commit")
                    + ", fsync=" + pg.show("fsync");

            app = new ApplicationProcess(dir).start("first", url, LocalPostgres.SUPERUSER, "").awaitCampaign();

            // (a) the application killed under load, restarted on the same database
            Launched qa = Phones.launch(app);
            Load a = Load.run(app, qa, app::kill);
            app.start("restart", url, LocalPostgres.SUPERUSER, "").awaitCampaign();
            Figures fa;
            try (Connection c = pg.connect("tierup")) {
                fa = Figures.of(c, qa, a, statistics(app, qa));
            }

            // (b) the database server killed under load while the application runs, then started on its files
            Launched qb = Phones.launch(app);
            Load b = Load.run(app, qb, () -> {
                try {
                    pg.kill();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            pg.start();
            Figures fb;
            try (Connection c = pg.connect("tierup")) {
                // the application finds its way back to the restarted server by itself
                fb = Figures.of(c, qb, b, statisticsOnceBack(app, qb));
            }

            String figures = settings + ", " + PHONES + " phones for " + LOAD_MILLIS / 1000 + " s:\n  application killed: " + fa
                    + "\n  database server killed: " + fb;
            System.out.println("CrashDurabilityIT: " + figures);
            Files.writeString(dir.resolve("figures.txt"), figures);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(a.acknowledged.size()).as("answers acknowledged before the application was killed").isGreaterThan(ENOUGH);
            soft.assertThat(b.acknowledged.size()).as("answers acknowledged before the server was killed").isGreaterThan(ENOUGH);
            fa.check(soft, "application killed: " + figures);
            fb.check(soft, "database server killed: " + figures);
            soft.assertAll();
        }
    }

    // ---------------------------------------------------------------- the load and what is checked

    interface Kill {
        void run() throws InterruptedException;
    }

    /** The phones' answers until the kill: what they sent and which answers were acknowledged. */
    record Load(Set<String> acknowledged, long sent) {

        static Load run(ApplicationProcess app, Launched q, Kill kill) throws InterruptedException {
            Phones phones = Phones.start(app, q, PHONES);
            Thread.sleep(LOAD_MILLIS);
            // on a loaded machine the phones get through slower: the kill waits (still under load) until enough
            // answers were acknowledged for the check to mean something
            phones.awaitMoreThan(ENOUGH, Duration.ofMinutes(3));
            kill.run();
            phones.stop();
            return new Load(phones.acknowledged(), phones.sent());
        }
    }

    /** What is stored of one questionnaire after the crash, against what the phones were told. */
    record Figures(long sent, long acknowledged, long stored, long lost, long tallied, long seen, long counted) {

        static Figures of(Connection c, Launched q, Load load, long counted) throws Exception {
            long acked = load.acknowledged().size();
            Phones.Stored stored = Phones.Stored.of(c, q);
            return new Figures(load.sent(), acked, stored.answers(), acked - Phones.storedOnce(c, q, load.acknowledged()),
                    stored.tallied(), stored.marks(), counted);
        }

        void check(SoftAssertions soft, String figures) {
            soft.assertThat(lost).as("acknowledged answers not stored exactly once: " + figures).isZero();
            soft.assertThat(stored).as("stored answers cover the acknowledged ones: " + figures).isGreaterThanOrEqualTo(acknowledged);
            soft.assertThat(tallied).as("tallies equal stored answers: " + figures).isEqualTo(stored);
            soft.assertThat(seen).as("one browser mark per stored answer: " + figures).isEqualTo(stored);
            soft.assertThat(counted).as("the product's statistics after restart: " + figures).isEqualTo(stored);
        }

        @Override
        public String toString() {
            return sent + " sent, " + acknowledged + " acknowledged, " + stored + " stored, " + lost
                    + " acknowledged lost (statistics after restart: " + counted + ", tallied " + tallied + ", browser marks " + seen + ")";
        }
    }

    /** The options of the shipped embedded URL (application.yml), so the test crashes what is shipped. */
    private static String shippedUrlOptions() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        // the default document only, not the postgres profile's
        yaml.setDocumentMatchers(d -> d.containsKey("spring.config.activate.on-profile")
                ? YamlProcessor.MatchStatus.NOT_FOUND : YamlProcessor.MatchStatus.FOUND);
        Properties p = yaml.getObject();
        String shipped = p.getProperty("spring.datasource.url");
        assertThat(shipped).startsWith("jdbc:h2:file:");
        return shipped.substring(shipped.indexOf(';'));
    }

    /** The respondents the product's statistics count. */
    private static long statistics(ApplicationProcess app, Launched q) throws Exception {
        long counted = 0;
        for (JsonNode n : app.get("/api/questionnaires/" + q.id() + "/statistics").get("respondentsBy")) {
            counted += n.asLong();
        }
        return counted;
    }

    /** The statistics once the application answers again after its database came back (pool connections renewed). */
    private static long statisticsOnceBack(ApplicationProcess app, Launched q) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> res = app.send(app.request("/api/questionnaires/" + q.id() + "/statistics").GET().build());
            if (res.statusCode() == 200) {
                return statistics(app, q);
            }
            last = res.statusCode() + " " + res.body();
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not answer again within 60 s of the database's restart (last: " + last
                + "): " + app.logTail());
    }
}
