package cn.tierup.testsupport;

import cn.tierup.setup.DemoDataLoader;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application in its own JVM (the test's classpath, {@code cn.tierup.TierupApplication}) on a
 * database the test gives it, listening on 127.0.0.1 — for what only a separate process shows: a kill -9,
 * a restart on the same files, a backup taken while it runs. Its output goes to {@code <name>.log} in the
 * test's directory; {@link #logTail()} puts the end of every log in a failure message.
 */
public final class ApplicationProcess implements AutoCloseable {

    public static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + DemoDataLoader.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final Path dir;
    private final int port;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    /**
     * The start the README recommends for production, less its class-data archive and with more heap: only the
     * quick JIT compiler (on two cores the optimising one takes a core for minutes after each start, and these
     * tests start the application several times) and the serial collector (no threads of its own).
     */
    static final List<String> DEFAULT_JVM = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private List<String> jvmOptions = DEFAULT_JVM;

    /** An application of this directory (logs, and by default its key file and attachments), on a free port. */
    public ApplicationProcess(Path dir) throws IOException {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /** The JVM's options for the next start, in place of {@link #DEFAULT_JVM} (a benchmark's heap, a GC log). */
    public ApplicationProcess jvm(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    /**
     * Starts it with the demo city (loaded into an empty database, with this year's campaign), the given
     * datasource and settings ({@code --name=value}); the log goes to {@code <name>.log}.
     */
    public ApplicationProcess start(String name, String datasourceUrl, String user, String password, String... settings)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "cn.tierup.TierupApplication",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + datasourceUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--tierup.demo.enabled=true",
                "--tierup.demo.campaign=true",
                // the test classpath registers the per-test database initializer: keep the database given here
                "--" + TestDatabases.KEEP + "=true",
                "--tierup.crypto.key-file=" + dir.resolve("tierup.key"),
                "--tierup.storage.dir=" + dir.resolve("files"),
                // all the load comes from 127.0.0.1, which the per-address burst limit would stop at 30 a minute
                "--tierup.questionnaire.submissions-per-minute-per-address=1000000000"));
        cmd.addAll(List.of(settings));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
        process = pb.start();
        return this;
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until the demo city and its current campaign answer (the demo loads after the port opens). */
    public ApplicationProcess awaitCampaign() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(480).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the application exited: " + logTail()).isTrue();
            try {
                HttpResponse<String> res = http.send(request("/api/campaigns").GET().build(), HttpResponse.BodyHandlers.ofString());
                last = res.statusCode() + " " + res.body();
                if (res.statusCode() == 200 && currentCampaign(json.readTree(res.body())) != null) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not come up in 480 s (last: " + last + "): " + logTail());
    }

    /** SIGKILL on Linux: no shutdown hook, no pool closed, nothing written on the way out. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A clean stop (SIGTERM): Spring closes the context and the database releases its files. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Waits for the process to end by itself (an application that refuses to start). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("the application still runs: " + logTail()).isTrue();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request as the demo administrator over the JSON API (HTTP Basic). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", ADMIN).header("Accept", "application/json");
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET as the administrator, expecting 200. */
    public JsonNode get(String path) throws Exception {
        HttpResponse<String> res = send(request(path).GET().build());
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return json.readTree(res.body());
    }

    /** POST of a JSON body as the administrator, expecting the given status. */
    public JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> res = send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(status);
        return res.body().isEmpty() ? null : json.readTree(res.body());
    }

    public JsonNode currentCampaign() throws Exception {
        return currentCampaign(get("/api/campaigns"));
    }

    private static JsonNode currentCampaign(JsonNode campaigns) {
        for (JsonNode c : campaigns) {
            if (c.get("year").asInt() == LocalDate.now().getYear()) {
                return c;
            }
        }
        return null;
    }

    /** The end of the application's logs in this directory, for a failure message (the directory goes). */
    public String logTail() {
        StringBuilder b = new StringBuilder();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String text = Files.readString(log);
                b.append("\n--- ").append(log.getFileName()).append(":\n").append(text.substring(Math.max(0, text.length() - 3000)));
            }
        } catch (IOException e) {
            b.append("(logs unreadable: ").append(e).append(')');
        }
        return b.toString();
    }
}
