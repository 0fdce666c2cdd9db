package cn.tierup.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How every share and rate is printed: in percent with two decimals (57.95, 97.48). The shares of a line
 * whose parts make up its whole (先进/一般/后进 of the decided organisations, the answers to a single-choice
 * question) add up to exactly 100.00 by the largest-remainder method: each share is cut to the hundredth
 * below, and the hundredths still missing go one each to the parts with the largest remainders (the earlier
 * part first on a tie). A line whose parts do not make up the whole (a question with several answers
 * allowed) has each share rounded on its own, half up, as a single rate is.
 */
public final class Shares {

    /** Hundredths of a per cent in the whole: 100.00% is 10,000 of them. */
    private static final long WHOLE = 10_000;

    private Shares() {
    }

    /** {@code n ÷ of} in percent, two decimals, half up; 0.00 when there is nothing to divide by. */
    public static BigDecimal rate(long n, long of) {
        if (of == 0) {
            return zero();
        }
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
    }

    /** The shares of {@code parts} in {@code whole}, in percent with two decimals, in the parts' order. */
    public static List<BigDecimal> of(long[] parts, long whole) {
        if (whole <= 0) {
            return Arrays.stream(parts).mapToObj(p -> zero()).toList();
        }
        if (Arrays.stream(parts).sum() != whole || Arrays.stream(parts).anyMatch(p -> p < 0)) {
            return Arrays.stream(parts).mapToObj(p -> rate(p, whole)).toList();
        }
        long[] floors = new long[parts.length];
        long[] remainders = new long[parts.length];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            floors[i] = parts[i] * WHOLE / whole;
            remainders[i] = parts[i] * WHOLE % whole;
            given += floors[i];
        }
        long left = WHOLE - given;
        List<Integer> byRemainder = IntStream.range(0, parts.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < left; k++) {
            floors[byRemainder.get(k)]++;
        }
        List<BigDecimal> out = new ArrayList<>(parts.length);
        for (long f : floors) {
            out.add(BigDecimal.valueOf(f, 2));
        }
        return List.copyOf(out);
    }

    /** As {@link #of(long[], long)}, for counts in a list. */
    public static List<BigDecimal> of(List<Long> parts, long whole) {
        return of(parts.stream().mapToLong(Long::longValue).toArray(), whole);
    }

    /** The share of the part at {@code index} in its line. */
    public static BigDecimal shareAt(long[] parts, long whole, int index) {
        return of(parts, whole).get(index);
    }

    public static BigDecimal zero() {
        return BigDecimal.valueOf(0, 2);
    }
}
