package cn.tierup.testsupport;

import cn.tierup.TierupApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives every Spring context of the test run its own empty database: H2 in memory by default, or
 * PostgreSQL when the build runs with -Dtierup.test.db=postgres — an external server if
 * TIERUP_DB_URL/TIERUP_DB_USER/TIERUP_DB_PASSWORD are set, else an embedded one started once per JVM (or,
 * with -Dtierup.test.pg=local, one from the machine's PostgreSQL binaries, see {@link #local}).
 * Registered for all Spring Boot applications of the tests in META-INF/spring.factories.
 */
public final class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A fixed key for personal data in tests (Base64 of 32 bytes). */
    public static final String TEST_CRYPTO_KEY = "dGllcnVwLXRlc3Qta2V5LTAxMjM0NTY3ODlhYmNkZWY=";
    /** Set on an application's environment to keep the database it was given (the two-instance test). */
    public static final String KEEP = "tierup.test.keep-datasource";
    /** Set on an application's environment to have an H2 database in a file, as the product runs, instead of in memory. */
    public static final String H2_FILE = "tierup.test.h2-file";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final java.nio.file.Path STORAGE = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "tierup-test-files");
    private static final List<Runnable> STOPS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static EmbeddedPostgres embedded;
    private static LocalPostgres local;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.parseBoolean(context.getEnvironment().getProperty(KEEP, "false"))) {
            return;
        }
        Database db = Boolean.parseBoolean(context.getEnvironment().getProperty(H2_FILE, "false")) && !postgres()
                ? newFileDatabase() : newDatabase();
        if (!context.getEnvironment().containsProperty("tierup.demo.campaign")) {
            // tests open the campaigns they need, so the demo's campaign would only be in the way
            TestPropertyValues.of("tierup.demo.campaign=false").applyTo(context);
        }
        TestPropertyValues.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "tierup.crypto.key=" + TEST_CRYPTO_KEY,
                "tierup.security.bcrypt-strength=4",
                // a held-back login is still held back on a test's next request, however slow the machine
                "tierup.security.login.first-wait=30s",
                // RateLimitStoreIT purges the rate-limit store itself: no scheduled purge of the shared context races its counts
                "tierup.rate-limit.purge-every=PT6H",
                "tierup.storage.dir=" + STORAGE.resolve(name(db)).toString(),
                "spring.thymeleaf.cache=true"
        ).applyTo(context);
    }

    private static String name(Database db) {
        return Integer.toHexString(db.url().hashCode());
    }

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("tierup.test.db", "h2"));
    }

    /** Which PostgreSQL server this run uses, for a benchmark's header. */
    public static String postgresServer() {
        String external = System.getenv("TIERUP_DB_URL");
        if (external != null && !external.isBlank()) {
            return "external PostgreSQL";
        }
        return "local".equalsIgnoreCase(System.getProperty("tierup.test.pg", "embedded"))
                ? "local PostgreSQL (the machine's binaries)" : "embedded PostgreSQL (zonky)";
    }

    /** A fresh, empty H2 database in a file, written on every commit as the product's embedded default is. */
    public static synchronized Database newFileDatabase() {
        String name = "tierup_f" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        java.nio.file.Path file = STORAGE.resolveSibling("tierup-test-db").resolve(name).toAbsolutePath();
        return new Database("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=0", "sa", "");
    }

    /** A fresh, empty database of the kind this test run uses. */
    public static synchronized Database newDatabase() {
        String name = "tierup_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        if (!postgres()) {
            return new Database("jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        String external = System.getenv("TIERUP_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv("TIERUP_DB_USER");
            String password = System.getenv("TIERUP_DB_PASSWORD");
            exec(external, user, password, "create schema " + name);
            String sep = external.contains("?") ? "&" : "?";
            return new Database(external + sep + "currentSchema=" + name, user, password == null ? "" : password);
        }
        if ("local".equalsIgnoreCase(System.getProperty("tierup.test.pg", "embedded"))) {
            return local(name);
        }
        try {
            if (embedded == null) {
                // no shutdown hook of the server's own: it would stop the server while contexts still close (see below)
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                afterContextsClosed(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going down anyway
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        String admin = embedded.getJdbcUrl("postgres", "postgres");
        exec(admin, "postgres", "", "create database " + name);
        return new Database(embedded.getJdbcUrl("postgres", name), "postgres", "");
    }

    /**
     * A database on a server started from the machine's own PostgreSQL binaries ({@link LocalPostgres}) once per
     * JVM, with -Dtierup.test.pg=local: unlike the embedded one (fsync and synchronous_commit off) it writes
     * and waits as a production server does, which is what a benchmark of commits has to measure.
     */
    private static Database local(String name) {
        try {
            if (local == null) {
                local = LocalPostgres.create("TestDatabases", java.util.Map.of("fsync", "on", "synchronous_commit", "on",
                        "shared_buffers", "'256MB'", "max_connections", "200"));
                local.start();
                afterContextsClosed(() -> {
                    try {
                        local.close();
                    } catch (Exception ignored) {
                        // the JVM is going down anyway
                    }
                });
            }
            local.createDatabase(name);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the local PostgreSQL server", e);
        }
        return new Database(local.jdbcUrl(name), LocalPostgres.SUPERUSER, "");
    }

    /**
     * Stops a server only once every Spring context of the JVM has closed. A JVM shutdown hook of its own would run
     * beside Spring's: the server went down while contexts still closed their pools and the event registry, which
     * then hung on dead connections until the test fork was killed (and the build failed with every test green).
     */
    private static void afterContextsClosed(Runnable stop) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                stop.run();
            }
        };
        STOPS.add(once);
        SpringApplication.getShutdownHandlers().add(once);
    }

    /**
     * For a test that runs no Spring application in its JVM (Spring's shutdown hook, which stops the servers above,
     * is only installed by a running application): stop them when the JVM exits.
     */
    public static void stopServersOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPS.forEach(Runnable::run), "test-databases-stop"));
    }

    private static void exec(String url, String user, String password, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password == null ? "" : password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare test database: " + sql, e);
        }
    }

    /**
     * Another instance of the application on the given database, as a second server behind a load balancer would be
     * started (its own port), with any further {@code --name=value} arguments.
     */
    public static ConfigurableApplicationContext startInstance(Database db, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--tierup.crypto.key=" + TEST_CRYPTO_KEY,
                // this initializer would otherwise give each instance a database of its own
                "--" + KEEP + "=true"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(TierupApplication.class).run(args.toArray(String[]::new));
    }

    /** The port an instance started by {@link #startInstance} listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public record Database(String url, String user, String password) {
    }
}
