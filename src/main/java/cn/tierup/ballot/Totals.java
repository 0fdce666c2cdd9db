package cn.tierup.ballot;

import java.util.List;
import java.util.Map;

/**
 * A ballot's counters: codes printed and spent, and the votes per subject (in the order the subjects were
 * given) and choice. Each subject's votes add up to the codes spent.
 */
public record Totals(int issued, int spent, List<Map<String, Integer>> bySubject) {

    public Totals {
        bySubject = bySubject.stream().map(Map::copyOf).toList();
    }

    /** The votes for {@code choice} on the subject at {@code subject}. */
    public int count(int subject, String choice) {
        return bySubject.get(subject).getOrDefault(choice, 0);
    }
}
