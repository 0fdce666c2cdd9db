package cn.tierup.shared;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Figures counted on every visit, unless counting them is slow: a count that took longer than {@code slow} (a
 * province's roll-ups over 100,000 organisations) is kept and shown with its time, and once it is older than
 * {@code fresh} a new one is started in the background, so no visit waits for it but the first; visits at the same
 * moment share one count. Quick counts are not kept. "Slow" is the count's wall time, so on a machine under heavy load a
 * smaller organisation's count may be kept too; it is counted on every visit again once a renewal is quick. Made by
 * {@link FigureKeeping}; the page showing kept figures says when they were counted and how long a count takes.
 */
public final class KeptFigures<K, V> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KeptFigures.class);

    /**
     * One count: the figures, when it was started, how long it took, whether it was slow enough to be kept, and how old
     * a kept count gets before a visit starts a new one.
     */
    public record Kept<V>(V value, LocalDateTime at, Duration took, boolean slow, Duration renewAfter) {

        /** The seconds a count takes, as the page says it (at least 1). */
        public long seconds() {
            return Math.max(1, took.toSeconds());
        }

        /** The minutes after which a visit starts a new count, as the page says it (at least 1). */
        public long renewMinutes() {
            return Math.max(1, renewAfter.toMinutes());
        }

        /** This count if it was kept (the page must say when it was counted), else null: what a page's "as of" line reads. */
        public Kept<V> ifKept() {
            return slow ? this : null;
        }

        /** Of two counts shown on one page, the older of those kept (the page is as old as it), or null if neither was. */
        public static Kept<?> olderKept(Kept<?> a, Kept<?> b) {
            if (!a.slow()) {
                return b.ifKept();
            }
            return b.slow() && b.at().isBefore(a.at()) ? b : a;
        }

        /** The same count's time and standing, with figures made from it (a page's rows with the counted numbers). */
        public <W> Kept<W> map(Function<? super V, ? extends W> f) {
            return new Kept<>(f.apply(value), at, took, slow, renewAfter);
        }
    }

    /** How many renewal intervals an unvisited kept count stays in memory. */
    private static final int FORGET_AFTER_RENEWALS = 30;

    private final String name;
    private final Duration slow;
    private final Duration fresh;
    private final Executor background;
    private final Map<K, Kept<V>> last = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<Kept<V>>> running = new ConcurrentHashMap<>();

    KeptFigures(String name, Duration slow, Duration fresh, Executor background) {
        this.name = name;
        this.slow = slow;
        this.fresh = fresh;
        this.background = background;
    }

    /** The figures under this key: counted now, or the last slow count (a new one started when it is out of date). */
    public Kept<V> get(K key, Supplier<V> count) {
        LocalDateTime now = LocalDateTime.now();
        // a count nobody has asked for in a long time is dropped: the next visit counts again
        last.values().removeIf(k -> k.at().plus(fresh.multipliedBy(FORGET_AFTER_RENEWALS)).isBefore(now));
        Kept<V> kept = last.get(key);
        if (kept != null) {
            if (kept.at().plus(fresh).isBefore(now)) {
                renew(key, count);
            }
            return kept;
        }
        // counted here; visits at the same moment wait for the same count
        CompletableFuture<Kept<V>> mine = new CompletableFuture<>();
        CompletableFuture<Kept<V>> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return join(other);
        }
        try {
            mine.complete(counted(key, count));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
        return join(mine);
    }

    /** One count in the background per key; the kept one stays shown until it is done (or if it fails). */
    private void renew(K key, Supplier<V> count) {
        CompletableFuture<Kept<V>> renewal = new CompletableFuture<>();
        if (running.putIfAbsent(key, renewal) != null) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    renewal.complete(counted(key, count));
                } catch (RuntimeException e) {
                    renewal.completeExceptionally(e);
                    log.warn("could not count {} of {} again", name, key, e);
                } finally {
                    running.remove(key, renewal);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: nothing renews any more
            running.remove(key, renewal);
            renewal.completeExceptionally(e);
        }
    }

    private Kept<V> counted(K key, Supplier<V> count) {
        long start = System.nanoTime();
        LocalDateTime at = LocalDateTime.now();
        V value = count.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Kept<V> c = new Kept<>(value, at, took, took.compareTo(slow) > 0, fresh);
        if (c.slow()) {
            last.put(key, c);
        } else {
            // quick again (fewer organisations, a warmer database): counted on every visit from now on
            last.remove(key);
        }
        return c;
    }

    private static <V> Kept<V> join(CompletableFuture<Kept<V>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
