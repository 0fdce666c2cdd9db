package cn.tierup.acceptance;

import cn.tierup.shared.Shares;
import java.math.BigDecimal;

/**
 * A rate as the exact fraction it is: so many of so many. Shown in percent with two decimals ({@link Shares}),
 * judged on the fraction itself, never on the rounded percent; with nothing to divide by it is no rate at all.
 */
public record Rate(long numerator, long denominator) {

    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(numerator + "/" + denominator);
        }
    }

    public boolean empty() {
        return denominator == 0;
    }

    /** In percent with two decimals; null when the denominator is empty (shown as "—"). */
    public BigDecimal percent() {
        return empty() ? null : Shares.rate(numerator, denominator);
    }

    /** As pages and documents print it: "40.00%（10/25）", or "—" with nothing to divide by. */
    public String display() {
        return empty() ? "—" : percent().toPlainString() + "%（" + numerator + "/" + denominator + "）";
    }

    /** True when numerator ÷ denominator ≥ target % (exactly: numerator × 100 ≥ target × denominator). */
    boolean reaches(int targetPercent) {
        return numerator * 100 >= (long) targetPercent * denominator;
    }

    /** True when numerator ÷ denominator > target % (exactly). */
    boolean exceeds(int targetPercent) {
        return numerator * 100 > (long) targetPercent * denominator;
    }
}
