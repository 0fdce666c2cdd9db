package cn.tierup.shared;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The rule the product states for every satisfaction rate (满意率): 满意 and 基本满意 count as satisfied, over all the
 * ratings counted — (满意 + 基本满意) ÷ (满意 + 基本满意 + 不满意) — in percent with two decimals ({@link Shares#rate}),
 * always shown with the number of ratings. Pages state it in the words of the message {@link #RULE}. Pledge ratings
 * and the year-end 民主测评 both count by it, so the two can never disagree on what "satisfied" means.
 */
public record SatisfactionRate(long satisfied, long fairlySatisfied, long dissatisfied) {

    /** The message that states the rule on pages and sheets. */
    public static final String RULE = "rating.rule";

    public SatisfactionRate {
        if (satisfied < 0 || fairlySatisfied < 0 || dissatisfied < 0) {
            throw new IllegalArgumentException("a count of ratings cannot be negative");
        }
    }

    /** The counts of a tally keyed by choice; a choice missing counts zero. */
    public static SatisfactionRate of(Map<Satisfaction, Long> counts) {
        return new SatisfactionRate(counts.getOrDefault(Satisfaction.SATISFIED, 0L),
                counts.getOrDefault(Satisfaction.FAIRLY_SATISFIED, 0L), counts.getOrDefault(Satisfaction.DISSATISFIED, 0L));
    }

    /** Every rating counted: the denominator. */
    public long ratings() {
        return satisfied + fairlySatisfied + dissatisfied;
    }

    /** 满意 and 基本满意: the numerator. */
    public long satisfiedOrFairly() {
        return satisfied + fairlySatisfied;
    }

    /** The rate in percent, two decimals; 0.00 when nothing was rated (pages show that case by the zero ratings beside it). */
    public BigDecimal percent() {
        return Shares.rate(satisfiedOrFairly(), ratings());
    }

    public boolean none() {
        return ratings() == 0;
    }

    public SatisfactionRate plus(SatisfactionRate other) {
        return new SatisfactionRate(satisfied + other.satisfied, fairlySatisfied + other.fairlySatisfied,
                dissatisfied + other.dissatisfied);
    }
}
