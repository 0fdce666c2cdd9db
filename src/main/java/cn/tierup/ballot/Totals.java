package cn.tierup.ballot;

import java.util.List;
import java.util.Map;

/**
 * A ballot's count: codes printed and spent, the votes per subject (in the order the subjects were given) and
 * choice, the votes that could not be opened (only a sealed vote altered in the database is one), and the
 * receipts counted, sorted. Each subject's votes plus the unreadable ones add up to the codes spent.
 */
public record Totals(int issued, int spent, List<Map<String, Integer>> bySubject, int unreadable, List<String> receipts) {

    public Totals {
        bySubject = bySubject.stream().map(Map::copyOf).toList();
        receipts = List.copyOf(receipts);
    }

    /** The votes for {@code choice} on the subject at {@code subject}. */
    public int count(int subject, String choice) {
        return bySubject.get(subject).getOrDefault(choice, 0);
    }
}
