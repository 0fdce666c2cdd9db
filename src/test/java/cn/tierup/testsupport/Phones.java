package cn.tierup.testsupport;

import cn.tierup.questionnaire.ResponseIntake;
import cn.tierup.shared.OneTimeCodes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Simulated phones answering a public questionnaire of an {@link ApplicationProcess} until stopped: each opens
 * the form for the answering token it hands out (a fresh browser per answer) and posts a complete answer with
 * it, one request in flight, and an answer counts as acknowledged only when it got its 302 to the thank-you page. Nothing else may be relied on: a request cut by a crash is not.
 */
public final class Phones {

    /** A questionnaire the phones answer, by id and public slug. */
    public record Launched(long id, String slug) {
    }

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> phones = new ArrayList<>();

    private Phones() {
    }

    /** An open-mode village questionnaire (附件11) for 濛阳镇 in the demo's current campaign. */
    public static Launched launch(ApplicationProcess app) throws Exception {
        long campaign = app.currentCampaign().get("id").asLong();
        long town = -1;
        for (JsonNode o : app.get("/api/orgs?q=" + URLEncoder.encode("濛阳镇委员会", StandardCharsets.UTF_8)).get("items")) {
            if (o.get("name").asText().equals("中共彭州市濛阳镇委员会")) {
                town = o.get("id").asLong();
            }
        }
        long template = -1;
        for (JsonNode t : app.get("/api/questionnaire-templates")) {
            if (t.get("code").asText().equals("VILLAGE")) {
                template = t.get("id").asLong();
            }
        }
        JsonNode q = app.post("/api/campaigns/" + campaign + "/orgs/" + town + "/questionnaires",
                "{\"templateId\": " + template + ", \"mode\": \"OPEN\"}", 201);
        return new Launched(q.get("id").asLong(), q.get("slug").asText());
    }

    /** {@code count} phones start answering {@code q} now. */
    public static Phones start(ApplicationProcess app, Launched q, int count) {
        Phones p = new Phones();
        URI target = app.uri("/q/" + q.slug());
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> {
                while (p.running.get()) {
                    String token;
                    try {
                        // as a phone does: open the form, which hands out the answering token
                        token = formToken(app, target, q.slug());
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
                            .header("Cookie", "tq_" + q.slug() + "=" + token)
                            .POST(HttpRequest.BodyPublishers.ofString(answer())).build();
                    try {
                        p.sent.incrementAndGet();
                        HttpResponse<Void> res = app.http().send(request, HttpResponse.BodyHandlers.discarding());
                        if (res.statusCode() == 302
                                && res.headers().firstValue("location").orElse("").endsWith("/q/" + q.slug() + "/thanks")) {
                            p.acknowledged.add(token);
                        } else if (res.statusCode() >= 500) {
                            p.serverErrors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // the server died mid-request: not acknowledged, so the phone may not count on it
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "phone-" + i);
            p.phones.add(t);
            t.start();
        }
        return p;
    }

    /** The answering token the form hands out with the page, or null when the page did not give one. */
    private static String formToken(ApplicationProcess app, URI form, String slug) throws IOException, InterruptedException {
        HttpResponse<Void> page = app.http().send(HttpRequest.newBuilder(form).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String prefix = "tq_" + slug + "=";
        return page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length()).split(";", 2)[0]).findFirst().orElse(null);
    }

    /** The phones stop after the request each has in flight. */
    public Phones stop() throws InterruptedException {
        running.set(false);
        for (Thread t : phones) {
            t.join(15_000);
        }
        return this;
    }

    /** The cookies of the answers acknowledged so far. */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /**
     * Waits until more than {@code count} answers are acknowledged, so what follows happens under load however slow
     * the machine is today (a fixed pause gave 16 on a busy machine and 60 on a quiet one); fails after {@code max}.
     */
    public Phones awaitMoreThan(int count, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (acknowledged.size() <= count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " answers acknowledged in " + max.toSeconds()
                        + " s (" + sent.get() + " sent): the phones are not getting through");
            }
            Thread.sleep(100);
        }
        return this;
    }

    public long sent() {
        return sent.get();
    }

    /** Answers the server took and answered with an error (5xx): not a cut connection, a failure it reported. */
    public long serverErrors() {
        return serverErrors.get();
    }

    /** How many of these acknowledged answers are stored exactly once (by their browser mark). */
    public static long storedOnce(Connection c, Launched q, Set<String> tokens) throws SQLException {
        long once = 0;
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from questionnaire_seen where questionnaire_id = ? and token_hash = ?")) {
            s.setLong(1, q.id());
            for (String token : tokens) {
                s.setString(2, OneTimeCodes.hash(q.slug(), token));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 1) {
                        once++;
                    }
                }
            }
        }
        return once;
    }

    /** What a questionnaire holds: answers stored, the respondents' tally, browser marks. All three move together. */
    public record Stored(long answers, long tallied, long marks) {

        public static Stored of(Connection c, Launched q) throws SQLException {
            return new Stored(count(c, "select count(*) from questionnaire_response where questionnaire_id = ?", q.id()),
                    count(c, "select coalesce(sum(n), 0) from questionnaire_tally where questionnaire_id = ? and question_key = '"
                            + ResponseIntake.RESPONDENTS + "'", q.id()),
                    count(c, "select count(*) from questionnaire_seen where questionnaire_id = ?", q.id()));
        }

        private static long count(Connection c, String sql, long questionnaire) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, questionnaire);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }
    }

    /** A complete, valid answer to the village questionnaire, as QuestionnaireIT sends it. */
    public static String answer() {
        StringBuilder b = new StringBuilder("category=").append(ThreadLocalRandom.current().nextBoolean() ? "MEMBER" : "PUBLIC");
        b.append("&q1=").append(ThreadLocalRandom.current().nextInt(2));
        for (String key : List.of("q2", "q3", "q4", "q5", "q6", "q9", "q10")) {
            b.append('&').append(key).append("=0");
        }
        return b.append("&q8=0&q8=2").toString();
    }
}
