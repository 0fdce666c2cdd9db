package cn.tierup.campaign;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The root's totals of every phase over its whole tree, as the home page shows them. Over a city's few hundred
 * organisations they are counted on every visit. Over a province's 100,000 a count takes tens of seconds (every
 * organisation asked of every phase's source): then the last count is shown with its time, and a new one is started in
 * the background once it is a minute old, so no visit waits for it but the first; visits at the same time share one
 * count.
 */
@Component
class RootTotals {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RootTotals.class);

    /** One count: the totals, when it was made, how long it took, and whether it was slow enough to be kept. */
    record Count(List<Outlook.PhaseTotals> totals, LocalDateTime at, Duration took, boolean slow) {
    }

    /** A count that took longer than this is kept and shown with its time instead of counted on each visit. */
    private final Duration slow;
    /** How old a kept count may get before a new one is started. */
    private final Duration fresh;

    private final Map<Long, Count> last = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Count>> running = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "root-totals");
        t.setDaemon(true);
        return t;
    });

    /** The campaign's totals: counted now, or the last slow count (a new one started when it is out of date). */
    Count get(long campaignId, Supplier<List<Outlook.PhaseTotals>> count) {
        Count kept = last.get(campaignId);
        if (kept != null && kept.slow()) {
            if (kept.at().plus(fresh).isBefore(LocalDateTime.now())) {
                running.computeIfAbsent(campaignId, id -> CompletableFuture.supplyAsync(() -> counted(id, count), background)
                        .whenComplete((c, e) -> {
                            running.remove(id);
                            if (e != null) {
                                // the kept count stays shown; the next visit starts another
                                log.warn("could not count the totals of campaign {} again", id, e);
                            }
                        }));
            }
            return kept;
        }
        // counted here; visits at the same moment wait for the same count
        CompletableFuture<Count> mine = new CompletableFuture<>();
        CompletableFuture<Count> other = running.putIfAbsent(campaignId, mine);
        if (other != null) {
            return join(other);
        }
        try {
            mine.complete(counted(campaignId, count));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(campaignId, mine);
        }
        return join(mine);
    }

    private Count counted(long campaignId, Supplier<List<Outlook.PhaseTotals>> count) {
        long start = System.nanoTime();
        LocalDateTime at = LocalDateTime.now();
        List<Outlook.PhaseTotals> totals = count.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Count c = new Count(totals, at, took, took.compareTo(slow) > 0);
        last.put(campaignId, c);
        return c;
    }

    private static Count join(CompletableFuture<Count> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    RootTotals() {
        this(Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    RootTotals(Duration slow, Duration fresh) {
        this.slow = slow;
        this.fresh = fresh;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
