package cn.tierup.questionnaire;

import cn.tierup.setup.DemoDataLoader;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.testsupport.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlProcessor;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * An acknowledged answer survives a kill -9 of the application on the embedded H2 file database. The real
 * application runs in its own JVM (the test's classpath, the H2 URL options of application.yml, the demo
 * city), 16 simulated phones POST complete answers to an open-mode questionnaire, and the process is killed
 * with SIGKILL under that load. After a restart on the same files every answer that got its 302 to the
 * thank-you page must be stored exactly once, and the tallies must equal the stored answers (nothing partial).
 */
class CrashDurabilityIT {

    private static final int PHONES = 16;
    private static final long LOAD_MILLIS = 8_000;
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + DemoDataLoader.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor();
        }
    }

    @Test
    void everyAcknowledgedAnswerSurvivesAKillDashNineUnderLoad() throws Exception {
        // the PostgreSQL run has no embedded file database to crash: this is about the embedded default
        assumeFalse(TestDatabases.postgres(), "the embedded default is H2");
        int port = freePort();
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("tierup") + shippedUrlOptions();

        app = start(port, url, "first");
        awaitCampaign(port);
        JsonNode launched = launch(port);
        long questionnaire = launched.get("id").asLong();
        String slug = launched.get("slug").asText();

        // the load: every phone a fresh browser cookie per answer, acknowledged = 302 to the thanks page
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong sent = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        URI target = URI.create("http://127.0.0.1:" + port + "/q/" + slug);
        List<Thread> phones = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    String token;
                    try {
                        // as a phone does: open the form, which hands out the answering token
                        token = formToken(target, slug);
                    } catch (IOException e) {
                        continue;
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (token == null) {
                        continue;
                    }
                    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "tq_" + slug + "=" + token)
                            .POST(HttpRequest.BodyPublishers.ofString(answer())).build();
                    try {
                        sent.incrementAndGet();
                        HttpResponse<Void> res = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (res.statusCode() == 302 && res.headers().firstValue("location").orElse("").endsWith("/q/" + slug + "/thanks")) {
                            acknowledged.add(token);
                        }
                    } catch (IOException e) {
                        // the server died mid-request: not acknowledged, so the phone may not count on it
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "phone-" + i);
            phones.add(t);
            t.start();
        }
        Thread.sleep(LOAD_MILLIS);
        // SIGKILL on Linux: no shutdown hook, no H2 close, whatever the store has not written is gone
        app.destroyForcibly().waitFor();
        running.set(false);
        for (Thread t : phones) {
            t.join(15_000);
        }
        int acked = acknowledged.size();
        assertThat(acked).as("answers acknowledged before the kill").isGreaterThan(100);

        // restart on the same files: the product's own statistics after recovery
        app = start(port, url, "restart");
        awaitCampaign(port);
        JsonNode stats = get(port, "/api/questionnaires/" + questionnaire + "/statistics");
        long counted = 0;
        for (JsonNode n : stats.get("respondentsBy")) {
            counted += n.asLong();
        }
        // a clean stop releases the file, so the rows can be read as they are on disk
        app.destroy();
        app.waitFor();

        long stored;
        long tallied;
        long seen;
        long storedOnce = 0;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            stored = count(c, "select count(*) from questionnaire_response where questionnaire_id = ?", questionnaire);
            tallied = count(c, "select coalesce(sum(n), 0) from questionnaire_tally where questionnaire_id = ? and question_key = '"
                    + ResponseIntake.RESPONDENTS + "'", questionnaire);
            seen = count(c, "select count(*) from questionnaire_seen where questionnaire_id = ?", questionnaire);
            try (PreparedStatement s = c.prepareStatement(
                    "select count(*) from questionnaire_seen where questionnaire_id = ? and token_hash = ?")) {
                s.setLong(1, questionnaire);
                for (String token : acknowledged) {
                    s.setString(2, OneTimeCodes.hash(slug, token));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) == 1) {
                            storedOnce++;
                        }
                    }
                }
            }
        }
        long lost = acked - storedOnce;
        String figures = "kill -9 after " + LOAD_MILLIS / 1000 + " s of " + PHONES + " phones: " + sent.get() + " sent, " + acked
                + " acknowledged, " + stored + " stored, " + lost + " acknowledged lost (statistics after restart: " + counted
                + ", tallied " + tallied + ", browser marks " + seen + ")";
        System.out.println("CrashDurabilityIT: " + figures);
        Files.writeString(dir.resolve("figures.txt"), figures);

        assertThat(lost).as("acknowledged answers not stored exactly once: " + figures).isZero();
        assertThat(stored).as("stored answers cover the acknowledged ones: " + figures).isGreaterThanOrEqualTo(acked);
        assertThat(tallied).as("tallies equal stored answers: " + figures).isEqualTo(stored);
        assertThat(seen).as("one browser mark per stored answer: " + figures).isEqualTo(stored);
        assertThat(counted).as("the product's statistics after restart: " + figures).isEqualTo(stored);
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

    /** The answering token the form hands out with the page, or null when the page did not give one. */
    private String formToken(URI form, String slug) throws IOException, InterruptedException {
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(form).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String prefix = "tq_" + slug + "=";
        return page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length()).split(";", 2)[0]).findFirst().orElse(null);
    }

    private Process start(int port, String url, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "cn.tierup.TierupApplication",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + url,
                "--tierup.demo.enabled=true",
                "--tierup.demo.campaign=true",
                // the test classpath registers the per-test database initializer: keep the file given here
                "--" + TestDatabases.KEEP + "=true",
                "--tierup.crypto.key-file=" + dir.resolve("tierup.key"),
                "--tierup.storage.dir=" + dir.resolve("files"),
                // all the load comes from 127.0.0.1, which the per-address burst limit would stop at 30 a minute
                "--tierup.questionnaire.submissions-per-minute-per-address=1000000000");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    /** Waits until the demo city and its current campaign answer (the demo loads after the port opens). */
    private void awaitCampaign(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application exited: " + logTail()).isTrue();
            try {
                HttpResponse<String> res = http.send(request(port, "/api/campaigns").GET().build(), HttpResponse.BodyHandlers.ofString());
                last = res.statusCode() + " " + res.body();
                if (res.statusCode() == 200 && currentCampaign(json.readTree(res.body())) != null) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not come up in 180 s (last: " + last + "): " + logTail());
    }

    /** The end of the application's own logs, for a failure message (the temporary directory goes). */
    private String logTail() throws IOException {
        StringBuilder b = new StringBuilder();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String text = Files.readString(log);
                b.append("\n--- ").append(log.getFileName()).append(":\n").append(text.substring(Math.max(0, text.length() - 3000)));
            }
        }
        return b.toString();
    }

    private static JsonNode currentCampaign(JsonNode campaigns) {
        for (JsonNode c : campaigns) {
            if (c.get("year").asInt() == LocalDate.now().getYear()) {
                return c;
            }
        }
        return null;
    }

    /** An open-mode village questionnaire for 濛阳镇 in the demo's current campaign. */
    private JsonNode launch(int port) throws Exception {
        long campaign = currentCampaign(get(port, "/api/campaigns")).get("id").asLong();
        long town = -1;
        for (JsonNode o : get(port, "/api/orgs?q=" + URLEncoder.encode("濛阳镇委员会", StandardCharsets.UTF_8)).get("items")) {
            if (o.get("name").asText().equals("中共彭州市濛阳镇委员会")) {
                town = o.get("id").asLong();
            }
        }
        long template = -1;
        for (JsonNode t : get(port, "/api/questionnaire-templates")) {
            if (t.get("code").asText().equals("VILLAGE")) {
                template = t.get("id").asLong();
            }
        }
        HttpResponse<String> res = http.send(request(port, "/api/campaigns/" + campaign + "/orgs/" + town + "/questionnaires")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"templateId\": " + template + ", \"mode\": \"OPEN\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        return json.readTree(res.body());
    }

    /** A complete, valid answer to the village questionnaire, as QuestionnaireIT sends it. */
    private static String answer() {
        StringBuilder b = new StringBuilder("category=").append(ThreadLocalRandom.current().nextBoolean() ? "MEMBER" : "PUBLIC");
        b.append("&q1=").append(ThreadLocalRandom.current().nextInt(2));
        for (String key : List.of("q2", "q3", "q4", "q5", "q6", "q9", "q10")) {
            b.append('&').append(key).append("=0");
        }
        return b.append("&q8=0&q8=2").toString();
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> res = http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return json.readTree(res.body());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", ADMIN).header("Accept", "application/json");
    }

    private static long count(Connection c, String sql, long questionnaire) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, questionnaire);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
