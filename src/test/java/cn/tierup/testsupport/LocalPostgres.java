package cn.tierup.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server started from the machine's own binaries (Debian's {@code postgresql}
 * package: initdb, postgres, pg_dump and pg_restore of one version, so the dump tool never meets a newer
 * server), in a temporary directory, on a free port of 127.0.0.1, never the system's service. The test
 * controls its {@code postgresql.conf} and can kill it with SIGKILL, which the embedded server of the
 * other tests does not allow.
 *
 * <p>Where the binaries are missing the test is skipped with a loud notice, unless the build runs with
 * {@code -Dtierup.pgtools=required}, when it fails. PostgreSQL refuses to run as root: a root build runs
 * the server as the package's {@code postgres} account (else {@code nobody}) through {@code setpriv}.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final List<String> TOOLS = List.of("initdb", "postgres", "pg_dump", "pg_restore");

    private final Path bin;
    private final Path root;
    private final Path data;
    private final Path log;
    private final int port;
    private final String[] runAs;
    private Process server;

    private LocalPostgres(Path bin, Path root, int port, String[] runAs) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.log = root.resolve("server.log");
        this.port = port;
        this.runAs = runAs;
    }

    /**
     * A new cluster (initdb) with these settings appended to its postgresql.conf, not started yet; the
     * test is skipped (or fails, when required) if the binaries are missing.
     */
    public static LocalPostgres create(String test, Map<String, String> settings) throws IOException, InterruptedException {
        Path bin = binaries(test);
        Path root = Files.createTempDirectory("tierup-pg-");
        String[] runAs = runAs();
        if (runAs.length > 0) {
            // the server's account must own its directory (and reach it: /tmp is open to all)
            exec(Duration.ofSeconds(30), "chown", runAs[1].substring("--reuid=".length()) + ":"
                    + runAs[2].substring("--regid=".length()), root.toString());
        }
        LocalPostgres pg = new LocalPostgres(bin, root, freePort(), runAs);
        List<String> initdb = new ArrayList<>(List.of(runAs));
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", SUPERUSER,
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        exec(Duration.ofSeconds(120), initdb.toArray(String[]::new));
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("listen_addresses", "'127.0.0.1'");
        conf.put("port", String.valueOf(pg.port));
        conf.put("unix_socket_directories", "''");
        conf.put("max_connections", "100");
        conf.put("shared_buffers", "'64MB'");
        conf.put("timezone", "'UTC'");
        conf.putAll(settings);
        StringBuilder b = new StringBuilder("\n# set by the test (LocalPostgres)\n");
        conf.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(pg.data.resolve("postgresql.conf"), b.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return pg;
    }

    /** The bin directory of the newest installed version that has every tool, or skip/fail the test. */
    static Path binaries(String test) {
        Path found = null;
        if (Files.isDirectory(DEBIAN)) {
            try (Stream<Path> versions = Files.list(DEBIAN)) {
                found = versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
                        .map(v -> v.resolve("bin"))
                        .filter(b -> TOOLS.stream().allMatch(t -> Files.isExecutable(b.resolve(t))))
                        .findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (found == null) {
            String missing = "no " + DEBIAN + "/<version>/bin with " + String.join(", ", TOOLS);
            if ("required".equalsIgnoreCase(System.getProperty("tierup.pgtools", "auto").strip())) {
                throw new IllegalStateException("PostgreSQL tools are required (-Dtierup.pgtools=required) but there is " + missing
                        + ". Install them with: apt-get install postgresql");
            }
            System.err.println("""

                    ************************************************************************
                    *  POSTGRESQL SERVER TESTS SKIPPED: %s
                    *  %s starts its own PostgreSQL server from Debian's binaries:
                    *      apt-get install postgresql
                    *  Run with -Dtierup.pgtools=required to make missing tools fail.
                    ************************************************************************
                    """.formatted(missing, test));
            Assumptions.abort("PostgreSQL binaries not available (" + missing + "): apt-get install postgresql");
        }
        return found;
    }

    /** setpriv arguments to drop root for the server, or none when the build does not run as root. */
    private static String[] runAs() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return new String[0];
        }
        for (String account : List.of("postgres", "nobody")) {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 3 && f[0].equals(account)) {
                    return new String[] {"setpriv", "--reuid=" + f[2], "--regid=" + f[3], "--clear-groups"};
                }
            }
        }
        throw new IllegalStateException("the build runs as root and there is neither a postgres nor a nobody account"
                + " to run the PostgreSQL server as");
    }

    /** Starts the server (again, after a stop or a kill: then it runs crash recovery) and waits until it answers. */
    public void start() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(runAs));
        cmd.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("LC_ALL", "C");
        server = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with " + server.exitValue() + ": " + logTail());
            }
            try (Connection c = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("PostgreSQL did not answer in 120 s (" + last + "): " + logTail());
    }

    /** A fast shutdown (SIGINT): open sessions are ended, everything committed is written out. */
    public void stop() throws IOException, InterruptedException {
        if (server != null && server.isAlive()) {
            exec(Duration.ofSeconds(10), "kill", "-INT", String.valueOf(server.pid()));
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /**
     * SIGKILL to the postmaster and every process of the server, at once: no process gets to write out
     * anything it still holds, as in a crash. Returns when all of them are gone, so the next
     * {@link #start()} finds their shared memory released and runs crash recovery.
     */
    public int kill() throws IOException, InterruptedException {
        ProcessHandle postmaster = server.toHandle();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.descendants().forEach(all::add);
        List<String> cmd = new ArrayList<>(List.of("kill", "-KILL"));
        all.forEach(p -> cmd.add(String.valueOf(p.pid())));
        exec(Duration.ofSeconds(10), cmd.toArray(String[]::new));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (all.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL processes still alive 30 s after SIGKILL");
            }
            Thread.sleep(50);
        }
        server.waitFor();
        return all.size();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    /** A setting as the server has it, e.g. synchronous_commit. */
    public String show(String setting) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    /** pg_dump in its custom format (compressed, restorable table by table with pg_restore). */
    public void dump(String database, Path file) throws IOException, InterruptedException {
        exec(Duration.ofMinutes(5), bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", SUPERUSER, "-Fc", "-f", file.toString(), database);
    }

    /** pg_restore into an existing empty database, stopping at the first error. */
    public void restore(Path file, String database) throws IOException, InterruptedException {
        exec(Duration.ofMinutes(5), bin.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", SUPERUSER, "--exit-on-error", "--no-owner", "-d", database, file.toString());
    }

    /** The version of the binaries, e.g. "15". */
    public String version() {
        return bin.getParent().getFileName().toString();
    }

    public String logTail() {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return "\n--- PostgreSQL log:\n" + text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return "(no PostgreSQL log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null && server.isAlive()) {
                kill();
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void exec(Duration timeout, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): "
                    + new String(out, StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
