package cn.tierup.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Hands out campaign years one per test class, from {@code highest} downwards, skipping years already in
 * use; a class asking again gets its own year back. Thread-safe, so two classes can never get one year.
 */
final class CampaignYears {

    private final int lowest;
    private final Map<Class<?>, Integer> claimed = new HashMap<>();
    private int next;

    CampaignYears(int highest, int lowest) {
        this.next = highest;
        this.lowest = lowest;
    }

    /** This class's year; the years in use are asked only when a new year is handed out. */
    synchronized int claim(Class<?> testClass, Supplier<Set<Integer>> inUse) {
        Integer year = claimed.get(testClass);
        if (year != null) {
            return year;
        }
        Set<Integer> used = inUse.get();
        while (next >= lowest) {
            int candidate = next--;
            if (!used.contains(candidate)) {
                claimed.put(testClass, candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no campaign year left between " + lowest + " and the highest for "
                + testClass.getSimpleName() + " (" + claimed.size() + " handed out): a class that does not need the"
                + " city's campaign roots its campaigns at a town of its own in CampaignFixture.OWN_TOWN_YEAR");
    }
}
