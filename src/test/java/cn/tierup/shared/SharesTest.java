package cn.tierup.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharesTest {

    private static BigDecimal sum(List<BigDecimal> shares) {
        return shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aLineOfThreeThirdsThatRoundingAloneMakes99Point99AddsUpTo100() {
        List<BigDecimal> shares = Shares.of(new long[] {1, 1, 1}, 3);
        // each alone rounds to 33.33, which adds up to 99.99
        assertThat(Shares.rate(1, 3)).isEqualByComparingTo("33.33");
        assertThat(shares).extracting(BigDecimal::toPlainString).containsExactly("33.34", "33.33", "33.33");
        assertThat(sum(shares)).isEqualByComparingTo("100.00");
    }

    @Test
    void aLineThatRoundingAloneMakes100Point01AddsUpTo100() {
        // 5/7, 1/7, 1/7: alone 71.43 + 14.29 + 14.29 = 100.01
        assertThat(Shares.rate(5, 7).add(Shares.rate(1, 7)).add(Shares.rate(1, 7))).isEqualByComparingTo("100.01");
        List<BigDecimal> shares = Shares.of(new long[] {5, 1, 1}, 7);
        assertThat(shares).extracting(BigDecimal::toPlainString).containsExactly("71.43", "14.29", "14.28");
        assertThat(sum(shares)).isEqualByComparingTo("100.00");
    }

    @Test
    void theLeftoverHundredthsGoToTheLargestRemainders() {
        // 528 organisations of a county: 好 183, 较好 298, 一般 41, 较差 6
        List<BigDecimal> shares = Shares.of(new long[] {183, 298, 41, 6}, 528);
        assertThat(sum(shares)).isEqualByComparingTo("100.00");
        assertThat(shares).extracting(BigDecimal::toPlainString).containsExactly("34.66", "56.44", "7.76", "1.14");
    }

    @Test
    void sharesAlwaysPrintTwoDecimals() {
        assertThat(Shares.of(new long[] {1, 1}, 2)).extracting(BigDecimal::toPlainString).containsExactly("50.00", "50.00");
        assertThat(Shares.rate(3168, 3250).toPlainString()).isEqualTo("97.48");
        assertThat(Shares.rate(0, 0).toPlainString()).isEqualTo("0.00");
        assertThat(Shares.of(new long[] {0, 0}, 0)).extracting(BigDecimal::toPlainString).containsExactly("0.00", "0.00");
    }

    @Test
    void partsThatDoNotMakeUpTheWholeAreEachRoundedAlone() {
        // a question with several answers allowed: 2 of 3 chose A, 2 of 3 chose B
        assertThat(Shares.of(new long[] {2, 2}, 3)).extracting(BigDecimal::toPlainString).containsExactly("66.67", "66.67");
    }

    @Test
    void manyRandomLinesAddUpToExactly100() {
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 2000; n++) {
            long[] parts = new long[2 + random.nextInt(6)];
            long whole = 0;
            for (int i = 0; i < parts.length; i++) {
                parts[i] = random.nextInt(500);
                whole += parts[i];
            }
            if (whole == 0) {
                continue;
            }
            List<BigDecimal> shares = Shares.of(parts, whole);
            assertThat(sum(shares)).as(java.util.Arrays.toString(parts)).isEqualByComparingTo("100.00");
            for (int i = 0; i < parts.length; i++) {
                // never more than a hundredth from the exact share
                BigDecimal exact = BigDecimal.valueOf(parts[i] * 100.0 / whole);
                assertThat(shares.get(i).subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
            }
        }
    }
}
