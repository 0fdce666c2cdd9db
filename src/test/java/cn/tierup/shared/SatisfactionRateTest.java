package cn.tierup.shared;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SatisfactionRateTest {

    @Test
    void fairlySatisfiedCountsAsSatisfiedOverEveryRating() {
        SatisfactionRate r = new SatisfactionRate(3100, 68, 82);
        assertThat(r.ratings()).isEqualTo(3250);
        assertThat(r.satisfiedOrFairly()).isEqualTo(3168);
        assertThat(r.percent().toPlainString()).isEqualTo("97.48");
    }

    @Test
    void nothingRatedIsZeroRatingsAndAddingSittingsAddsTheirCounts() {
        assertThat(new SatisfactionRate(0, 0, 0).none()).isTrue();
        assertThat(new SatisfactionRate(0, 0, 0).percent().toPlainString()).isEqualTo("0.00");
        SatisfactionRate sum = new SatisfactionRate(1, 1, 0).plus(new SatisfactionRate(0, 0, 2));
        assertThat(sum).isEqualTo(new SatisfactionRate(1, 1, 2));
        assertThat(sum.percent()).isEqualByComparingTo("50.00");
        assertThat(SatisfactionRate.of(Map.of(Satisfaction.DISSATISFIED, 4L))).isEqualTo(new SatisfactionRate(0, 0, 4));
    }
}
