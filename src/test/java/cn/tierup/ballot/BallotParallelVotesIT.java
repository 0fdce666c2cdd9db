package cn.tierup.ballot;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.testsupport.StatementLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ballot module on its own under a meeting's load: many phones voting at once. Every vote of a ballot queues on
 * the ballot's one lock (so that the count accepts none after it), so the lock is held for the vote's two writes
 * alone — the sealing and the reading of the ballot happen before it; codes sent twice at the same moment are taken
 * once; and a count in the middle of the voting counts exactly the votes that were answered with a receipt.
 */
@ApplicationModuleTest
@Import({StatementLog.Config.class, InstallationKey.class})
class BallotParallelVotesIT {

    static final List<String> CHOICES = List.of("AGREE", "DISAGREE", "ABSTAIN");

    @MockitoBean Messages messages;
    @Autowired Ballots ballots;
    @Autowired JdbcClient jdbc;

    OpenedBallot open(int codes) {
        return ballots.open(new BallotRequest("某村 自评等次“一般”审议", LocalDate.now(), List.of("一般"), CHOICES, codes));
    }

    @Test
    void aVoteHoldsTheBallotsLockForItsTwoWritesAlone() {
        OpenedBallot b = open(2);
        StatementLog.Recorded<String> r = StatementLog.record(() -> ballots.vote(b.slug(), b.codes().get(0), List.of("AGREE")));
        assertThat(r.result()).isNotBlank();
        List<String> sql = r.statements().stream().map(s -> s.toLowerCase().replaceAll("\\s+", " ")).toList();
        int lock = IntStream.range(0, sql.size()).filter(i -> sql.get(i).contains("for update")).findFirst().orElse(-1);
        assertThat(lock).as("the ballot's lock among " + sql).isNotNegative();
        assertThat(sql.subList(lock + 1, sql.size())).as("what runs under the lock, of " + sql).hasSize(2)
                .satisfiesExactly(s -> assertThat(s).startsWith("update ballot_code"), s -> assertThat(s).startsWith("insert into ballot_vote"));
        assertThat(sql.stream().filter(s -> s.contains(" from poll ")).count()).as("the ballot read once, then locked, of " + sql)
                .isEqualTo(2);

        // a spent code and a shut ballot are still refused under the lock, with nothing written
        assertThat(refusal(() -> ballots.vote(b.slug(), b.codes().get(0), List.of("AGREE")))).isEqualTo("ballot.code");
        Totals t = ballots.close(b.slug(), b.closingKey());
        assertThat(t.count(0, "AGREE")).isEqualTo(1);
        assertThat(refusal(() -> ballots.vote(b.slug(), b.codes().get(1), List.of("AGREE")))).isEqualTo("ballot.closed");
        assertThat(t.receipts()).containsExactly(r.result());
    }

    @Test
    void codesSentTwiceAtTheSameMomentAreTakenOnceAndTheTotalsAreTheChoicesTaken() throws Exception {
        OpenedBallot b = open(40);
        Random random = new Random(3);
        // every code once, the first ten twice in a row, so that both of a pair are in flight together
        List<String[]> tries = new ArrayList<>();
        for (int i = 0; i < b.codes().size(); i++) {
            tries.add(new String[] {b.codes().get(i), CHOICES.get(random.nextInt(3))});
            if (i < 10) {
                tries.add(new String[] {b.codes().get(i), CHOICES.get(random.nextInt(3))});
            }
        }
        ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(tries);
        Map<String, Integer> taken = new ConcurrentHashMap<>();
        Set<String> codesTaken = ConcurrentHashMap.newKeySet();
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
        run(8, () -> {
            String[] t;
            while ((t = queue.poll()) != null) {
                try {
                    receipts.add(ballots.vote(b.slug(), t[0], List.of(t[1])));
                    assertThat(codesTaken.add(t[0])).as("code taken twice").isTrue();
                    taken.merge(t[1], 1, Integer::sum);
                } catch (DomainException e) {
                    assertThat(e.code()).isEqualTo("ballot.code");
                    refused.incrementAndGet();
                } catch (Throwable e) {
                    problems.add(e);
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(codesTaken).hasSize(40);
        assertThat(refused).hasValue(10);
        assertThat(receipts).hasSize(40);
        assertThat(ballots.turnout(b.slug())).isEqualTo(40);

        Totals t = ballots.close(b.slug(), b.closingKey());
        assertThat(List.of(t.issued(), t.spent(), t.unreadable())).containsExactly(40, 40, 0);
        CHOICES.forEach(c -> assertThat(t.count(0, c)).as(c).isEqualTo(taken.getOrDefault(c, 0)));
        assertThat(t.receipts()).containsExactlyInAnyOrderElementsOf(receipts);
    }

    @Test
    void aCountInTheMiddleOfTheVotingCountsExactlyTheVotesAnsweredWithAReceipt() throws Exception {
        OpenedBallot b = open(120);
        List<String> codes = new ArrayList<>(b.codes());
        Collections.shuffle(codes, new Random(9));
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(codes);
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        AtomicInteger closed = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch someVoted = new CountDownLatch(20);
        Thread voting = new Thread(() -> run(4, () -> {
            String code;
            while ((code = queue.poll()) != null) {
                try {
                    receipts.add(ballots.vote(b.slug(), code, List.of("DISAGREE")));
                    someVoted.countDown();
                } catch (DomainException e) {
                    assertThat(e.code()).isEqualTo("ballot.closed");
                    closed.incrementAndGet();
                } catch (Throwable e) {
                    problems.add(e);
                }
            }
        }));
        voting.start();
        someVoted.await();
        Totals t = ballots.close(b.slug(), b.closingKey());
        voting.join();
        assertThat(problems).isEmpty();
        assertThat(t.spent()).isEqualTo(receipts.size()).isEqualTo(t.count(0, "DISAGREE")).isGreaterThanOrEqualTo(20);
        assertThat(t.receipts()).containsExactlyInAnyOrderElementsOf(receipts);
        assertThat(receipts.size() + closed.get()).isEqualTo(120);
    }

    static String refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    /** Runs {@code work} on {@code threads} threads at once and waits for them. */
    static void run(int threads, Runnable work) {
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(work);
            all.add(t);
            t.start();
        }
        for (Thread t : all) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
