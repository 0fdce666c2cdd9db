package cn.tierup.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quick count is made for every visit and not kept; a slow one is kept, shown with its time, renewed in the
 * background, shared by the visits at the same moment.
 */
class KeptFiguresTest {

    private final AtomicInteger counts = new AtomicInteger();

    private Supplier<List<String>> counting(long millis) {
        return () -> {
            counts.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        };
    }

    @Test
    void aPageWithTwoCountsIsDatedByTheOlderOfThoseKept() {
        java.time.LocalDateTime nine = java.time.LocalDateTime.of(2026, 12, 7, 9, 0);
        KeptFigures.Kept<String> quick = new KeptFigures.Kept<>("a", nine.plusMinutes(5), Duration.ZERO, false, Duration.ofMinutes(1));
        KeptFigures.Kept<String> keptEarly = new KeptFigures.Kept<>("b", nine, Duration.ofSeconds(2), true, Duration.ofMinutes(1));
        KeptFigures.Kept<String> keptLate = new KeptFigures.Kept<>("c", nine.plusMinutes(1), Duration.ofSeconds(2), true, Duration.ofMinutes(1));
        assertThat(quick.ifKept()).as("counted for the visit: nothing to date").isNull();
        assertThat(keptEarly.ifKept()).isSameAs(keptEarly);
        assertThat(KeptFigures.Kept.olderKept(quick, quick)).isNull();
        assertThat(KeptFigures.Kept.olderKept(quick, keptLate)).isSameAs(keptLate);
        assertThat(KeptFigures.Kept.olderKept(keptLate, quick)).isSameAs(keptLate);
        assertThat(KeptFigures.Kept.olderKept(keptLate, keptEarly)).isSameAs(keptEarly);
        assertThat(KeptFigures.Kept.olderKept(keptEarly, keptLate)).isSameAs(keptEarly);
    }

    @Test
    void aQuickCountIsMadeForEveryVisit() {
        KeptFigures<Long, List<String>> totals = FigureKeeping.keeper("test", Duration.ofMillis(200), Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(totals.get(1L, counting(0)).slow()).isFalse();
        }
        assertThat(counts).hasValue(3);
    }

    @Test
    void aSlowCountIsKeptThenRenewedInTheBackgroundOnceOutOfDate() throws Exception {
        // thresholds far apart, so that a busy machine's pauses do not turn a quick count slow or the reverse
        KeptFigures<Long, List<String>> totals = FigureKeeping.keeper("test", Duration.ofMillis(200), Duration.ofMillis(1500));
        KeptFigures.Kept<List<String>> first = totals.get(1L, counting(400));
        assertThat(first.slow()).isTrue();
        assertThat(totals.get(1L, counting(400))).as("within the interval: the kept count").isSameAs(first);
        assertThat(counts).hasValue(1);

        Thread.sleep(1600);
        assertThat(totals.get(1L, counting(400))).as("out of date: still shown while a new one is counted").isSameAs(first);
        long until = System.nanoTime() + 10_000_000_000L;
        while (totals.get(1L, counting(400)) == first && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        KeptFigures.Kept<List<String>> renewed = totals.get(1L, counting(400));
        assertThat(renewed).isNotSameAs(first);
        assertThat(renewed.at()).isAfter(first.at());
        assertThat(counts).as("one count in the background").hasValue(2);
        assertThat(totals.get(2L, counting(0)).slow()).as("another key is counted on its own").isFalse();
    }

    @Test
    void aCountThatIsQuickAgainIsNoLongerKept() throws Exception {
        KeptFigures<Long, List<String>> totals = FigureKeeping.keeper("test", Duration.ofMillis(200), Duration.ofMillis(600));
        assertThat(totals.get(1L, counting(400)).slow()).isTrue();
        Thread.sleep(700);
        totals.get(1L, counting(0));   // out of date: shown, and counted again in the background (quickly now)
        long until = System.nanoTime() + 10_000_000_000L;
        while (counts.get() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        KeptFigures.Kept<List<String>> now = totals.get(1L, counting(0));
        assertThat(now.slow()).as("counted for this visit").isFalse();
        assertThat(counts).as("the slow count, the background one, this visit's").hasValue(3);
    }

    @Test
    void visitsAtTheSameMomentShareOneCount() throws Exception {
        KeptFigures<Long, List<String>> totals = FigureKeeping.keeper("test", Duration.ofMillis(20), Duration.ofMinutes(1));
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> visits = new ArrayList<>();
        List<KeptFigures.Kept<List<String>>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen.add(totals.get(1L, counting(300)));
            });
            t.start();
            visits.add(t);
        }
        go.countDown();
        for (Thread t : visits) {
            t.join(10_000);
        }
        assertThat(seen).hasSize(5);
        assertThat(counts).as("five visits, one count").hasValue(1);
    }
}
