package cn.tierup.bench;

import cn.tierup.testsupport.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in users over HTTP on loopback, each cycling through its pages with one request in flight and, by default, no
 * pause between pages (a closed loop: a deadline day's worst case; {@link #run(List, double, double)} lets each user
 * read a page before the next). Each user is a browser of its own (its session cookie, keep-alive connections). Only
 * the HTML pages are fetched: a browser keeps the versioned CSS and scripts.
 */
final class PageLoad {

    private PageLoad() {
    }

    /** One signed-in browser: who it is, what it is counted as ({@code label}, e.g. its level) and its pages. */
    static final class User {
        final String base;
        final String username;
        final String label;
        final List<String> pages;
        final WebClient client = new WebClient();
        int next;

        User(String base, String username, String password, String label, List<String> pages) {
            this.base = base;
            this.username = username;
            this.label = label;
            this.pages = pages;
            HttpResponse<String> login = client.login(base, username, password);
            assertThat(WebClient.location(login)).as(username + " signs in").doesNotContain("error");
            assertThat(client.cookie("SESSION")).as(username + "'s session").isNotNull();
        }
    }

    /** One page request: whose ({@link User#label}), which page, how long (ns). */
    record Hit(String label, String page, long nanos) {
    }

    /** One round: every request and the round's wall time. */
    record Round(List<Hit> hits, long nanos) {
    }

    /** Every user cycles through its pages for the given time; fails if any page did not answer 200. */
    static Round run(List<User> users, double seconds) throws InterruptedException {
        return run(users, seconds, 0);
    }

    /**
     * The same, each user pausing after each page for between half and one and a half times {@code thinkSeconds}
     * (uniformly, so that the users do not fall into step), and before its first for up to that long: people reading
     * a page before they open the next.
     */
    static Round run(List<User> users, double seconds, double thinkSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<String> failed = new ArrayList<>();
        List<List<Hit>> perUser = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(users.size());
        for (User u : users) {
            List<Hit> mine = new ArrayList<>();
            perUser.add(mine);
            java.util.Random pause = new java.util.Random(u.username.hashCode());
            new Thread(() -> {
                try {
                    if (thinkSeconds > 0) {
                        // people do not all open a page at the same moment: each starts somewhere in a pause
                        Thread.sleep((long) (thinkSeconds * 1.5 * pause.nextDouble() * 1000));
                    }
                    while (System.nanoTime() < end) {
                        String page = u.pages.get(u.next++ % u.pages.size());
                        long t = System.nanoTime();
                        HttpResponse<String> response = u.client.get(u.base + page);
                        mine.add(new Hit(u.label, page, System.nanoTime() - t));
                        if (response.statusCode() != 200) {
                            synchronized (failed) {
                                failed.add(u.username + " " + page + " " + response.statusCode() + " "
                                        + response.headers().firstValue("Location").orElse("") + " " + problem(response.body()));
                            }
                        }
                        if (thinkSeconds > 0) {
                            long rest = Math.min(end - System.nanoTime(),
                                    (long) (thinkSeconds * (0.5 + pause.nextDouble()) * 1e9));
                            if (rest > 0) {
                                Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                            }
                        }
                    }
                } catch (RuntimeException | InterruptedException e) {
                    synchronized (failed) {
                        failed.add(u.username + " " + e);
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + u.username).start();
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        assertThat(failed).as("pages that did not answer 200").isEmpty();
        return new Round(perUser.stream().flatMap(List::stream).toList(), elapsed);
    }

    /** What a refusal says (the page's message), to tell why a page did not answer 200. */
    private static String problem(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:title|h1|p)[^>]*>([^<]{1,200})<").matcher(body == null ? "" : body);
        StringBuilder out = new StringBuilder();
        while (m.find() && out.length() < 300) {
            out.append(m.group(1).strip()).append(" | ");
        }
        return out.toString();
    }

    /** The requests of some rounds that match a filter (label, page): their rate and percentiles. */
    static final class Times {
        private final long[] sorted;
        private final double seconds;

        Times(List<Round> rounds, BiPredicate<String, String> which) {
            this.sorted = rounds.stream().flatMap(r -> r.hits().stream()).filter(h -> which.test(h.label(), h.page()))
                    .mapToLong(Hit::nanos).sorted().toArray();
            this.seconds = rounds.stream().mapToLong(Round::nanos).sum() / 1e9;
        }

        int count() {
            return sorted.length;
        }

        /** Requests per second of the rounds' summed wall time. */
        double rate() {
            return sorted.length / seconds;
        }

        double percentile(int p) {
            return sorted.length == 0 ? 0 : BenchMachine.percentile(sorted, p);
        }

        /** "| requests | /s | p50 | p95 | p99 | max |" cells (without the leading and trailing bar). */
        String cells() {
            return String.format("%,d | %.1f | %.1f | %.1f | %.1f | %.1f", count(), rate(), percentile(50), percentile(95),
                    percentile(99), percentile(100));
        }
    }

    /** Rounds kept by a name (a variant, a number of users), in the order first added. */
    static final class Rounds {
        private final Map<String, List<Round>> byName = new LinkedHashMap<>();

        void add(String name, Round round) {
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(round);
        }

        List<Round> get(String name) {
            return byName.getOrDefault(name, List.of());
        }

        Iterable<String> names() {
            return byName.keySet();
        }
    }
}
