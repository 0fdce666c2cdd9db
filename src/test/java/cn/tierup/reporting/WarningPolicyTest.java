package cn.tierup.reporting;

import cn.tierup.questionnaire.QuotaProgress;
import cn.tierup.shared.SatisfactionRate;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarningPolicyTest {

    static final LocalDate OPENS = LocalDate.of(2026, 3, 1);
    static final LocalDate CLOSES = LocalDate.of(2026, 3, 10);

    static QuotaProgress answered(long members, long publics) {
        return QuotaProgress.of(100, 70, members, publics, true);
    }

    @Test
    void aQuotaIsBehindWhenLessThanTheElapsedShareOfTheWindowIsAnswered() {
        // ten days open; on 6 March five whole days are gone: half the window, so 50 of 100 are due
        LocalDate sixth = LocalDate.of(2026, 3, 6);
        assertThat(WarningPolicy.behindSchedule(answered(35, 14), OPENS, CLOSES, sixth)).isTrue();
        assertThat(WarningPolicy.behindSchedule(answered(35, 15), OPENS, CLOSES, sixth)).isFalse();
        assertThat(WarningPolicy.elapsedPercent(OPENS, CLOSES, sixth)).isEqualTo(50);
    }

    @Test
    void nothingIsBehindOnItsFirstDayOrOnceMet() {
        assertThat(WarningPolicy.behindSchedule(answered(0, 0), OPENS, CLOSES, OPENS)).isFalse();
        assertThat(WarningPolicy.behindSchedule(answered(0, 0), OPENS, CLOSES, OPENS.minusDays(3))).isFalse();
        assertThat(WarningPolicy.behindSchedule(answered(70, 30), OPENS, CLOSES, CLOSES.plusDays(5))).isFalse();
    }

    @Test
    void aWindowOverWithTheQuotaUnmetIsBehindEvenWithEnoughAnswers() {
        // 100 answers but one 党员 short of 70: not met, and no time is left
        assertThat(WarningPolicy.behindSchedule(answered(69, 31), OPENS, CLOSES, CLOSES.plusDays(1))).isTrue();
    }

    @Test
    void satisfactionBelowEightyPercentWarnsOnlyOverTwentyRatings() {
        // 基本满意 counts as satisfied: 10 + 6 of 20 is exactly 80%
        assertThat(WarningPolicy.lowSatisfaction(new SatisfactionRate(10, 6, 4))).isFalse();
        assertThat(WarningPolicy.lowSatisfaction(new SatisfactionRate(10, 5, 5))).isTrue();
        assertThat(WarningPolicy.lowSatisfaction(new SatisfactionRate(0, 0, 19))).isFalse();
    }

    @Test
    void ledgerLinesAreLongOverdueMoreThanThirtyDaysPastTheirDeadline() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        // a deadline before this day is more than 30 days past: 5 November is 31 days ago, 6 November 30
        assertThat(WarningPolicy.ledgerDeadlineBefore(today)).isEqualTo(LocalDate.of(2026, 11, 6));
        assertThat(WarningPolicy.laggingSupportDue(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 31));
    }
}
