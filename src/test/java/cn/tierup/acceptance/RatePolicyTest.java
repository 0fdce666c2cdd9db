package cn.tierup.acceptance;

import cn.tierup.acceptance.RateCounts.Covered;
import cn.tierup.acceptance.RatePolicy.Kind;
import cn.tierup.acceptance.RatePolicy.Verdict;
import cn.tierup.campaign.Targets;
import cn.tierup.grading.Grade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static cn.tierup.grading.Grade.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatePolicyTest {

    static final Targets NOTICE = Targets.notice();

    static Verdict verdict(Kind kind, long n, long of, String field, Targets t) {
        return RatePolicy.judge(kind, new Rate(n, of), t, field).verdict();
    }

    static Targets share(int share) {
        return new Targets(share, 10, 25, 100, 10, 20, 100);
    }

    static Targets upgrade(int upgrade) {
        return new Targets(40, 10, upgrade, 100, 10, 20, 100);
    }

    @Test
    void tenOfTwentyFiveIsFortyPercentAndMeetsAFortyPercentTarget() {
        assertThat(verdict(Kind.ADVANCED_SHARE, 10, 25, "VILLAGE", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.ADVANCED_SHARE, 9, 25, "VILLAGE", NOTICE)).isEqualTo(Verdict.NOT_MET);
        assertThat(new Rate(10, 25).percent()).isEqualByComparingTo(new BigDecimal("40.00"));
    }

    @Test
    void oneThirdIsJudgedAsTheFractionNotTheRoundedPercent() {
        // 1/3 = 33.33…%: above 33%, below 34%; its rounded 33.33 must not decide anything
        assertThat(verdict(Kind.ADVANCED_SHARE, 1, 3, "VILLAGE", share(33))).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.ADVANCED_SHARE, 1, 3, "VILLAGE", share(34))).isEqualTo(Verdict.NOT_MET);
        // 33 of 100 is exactly 33%: meets 33, and in a field that must exceed, 33/100 does not beat 33 while 1/3 does
        assertThat(verdict(Kind.UPGRADE_RATE, 33, 100, "SCHOOL", upgrade(33))).isEqualTo(Verdict.NOT_MET);
        assertThat(verdict(Kind.UPGRADE_RATE, 1, 3, "SCHOOL", upgrade(33))).isEqualTo(Verdict.MET);
    }

    @Test
    void fieldsOtherThanVillagesAndCommunitiesMustExceedTheVillageTargetsInTheThreeRates() {
        // 1/4 = 25% meets the village 升级率 target, but not a school's, which must be above 25%
        assertThat(verdict(Kind.UPGRADE_RATE, 1, 4, "VILLAGE", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.UPGRADE_RATE, 1, 4, "COMMUNITY", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.UPGRADE_RATE, 1, 4, "SCHOOL", NOTICE)).isEqualTo(Verdict.NOT_MET);
        assertThat(verdict(Kind.UPGRADE_RATE, 2, 7, "SCHOOL", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.MODEL_RATE, 1, 10, "AGENCY", NOTICE)).isEqualTo(Verdict.NOT_MET);
        assertThat(verdict(Kind.MODEL_RATE, 1, 10, "VILLAGE", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(RatePolicy.judge(Kind.MODEL_RATE, new Rate(1, 10), NOTICE, "AGENCY").mustExceed()).isTrue();
    }

    @Test
    void theAdvancedShareIsNeverJudgedStrictly() {
        assertThat(verdict(Kind.ADVANCED_SHARE, 2, 5, "SCHOOL", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(RatePolicy.judge(Kind.ADVANCED_SHARE, new Rate(2, 5), NOTICE, "SCHOOL").mustExceed()).isFalse();
    }

    @Test
    void aHundredPercentTargetIsMetByAHundredPercentInEveryField() {
        assertThat(verdict(Kind.CONVERSION_RATE, 3, 3, "VILLAGE", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.CONVERSION_RATE, 3, 3, "HEALTH", NOTICE)).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.CONVERSION_RATE, 2, 3, "HEALTH", NOTICE)).isEqualTo(Verdict.NOT_MET);
        assertThat(verdict(Kind.CONVERSION_RATE, 2, 3, "VILLAGE", NOTICE)).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void anEmptyDenominatorHasNoPercentAndNoVerdict() {
        Rate none = new Rate(0, 0);
        assertThat(none.empty()).isTrue();
        assertThat(none.percent()).isNull();
        for (Kind k : Kind.values()) {
            assertThat(RatePolicy.judge(k, none, NOTICE, "VILLAGE").verdict()).isEqualTo(Verdict.NONE);
            assertThat(RatePolicy.judge(k, none, NOTICE, "SCHOOL").verdict()).isEqualTo(Verdict.NONE);
        }
        // a zero target is met by nothing of something, but still not judged on nothing
        Targets zero = new Targets(0, 0, 0, 0, 0, 0, 0);
        assertThat(verdict(Kind.ADVANCED_SHARE, 0, 4, "VILLAGE", zero)).isEqualTo(Verdict.MET);
        assertThat(verdict(Kind.ADVANCED_SHARE, 0, 0, "VILLAGE", zero)).isEqualTo(Verdict.NONE);
    }

    @Test
    void aRateIsNeverMoreThanItsWholeNorNegative() {
        assertThatThrownBy(() -> new Rate(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMoveWithinAClassIsNoUpgradeAndOnlyClassesCount() {
        // 一类 → 县先进 are both 先进: the grade names differ, the class does not
        assertThat(RatePolicy.upgraded(ADVANCED, ADVANCED)).isFalse();
        assertThat(RatePolicy.upgraded(AVERAGE, AVERAGE)).isFalse();
        assertThat(RatePolicy.upgraded(LAGGING, ADVANCED)).isFalse();
        assertThat(RatePolicy.upgraded(AVERAGE, ADVANCED)).isTrue();
        assertThat(RatePolicy.converted(LAGGING, LAGGING)).isFalse();
        assertThat(RatePolicy.converted(LAGGING, AVERAGE)).isTrue();
        assertThat(RatePolicy.converted(LAGGING, ADVANCED)).isTrue();
        assertThat(RatePolicy.converted(LAGGING, null)).isFalse();
    }

    @Test
    void theCountsTakeTheRatesOverTheOrganisationsGradedAtBothEnds() {
        List<Covered> town = new ArrayList<>();
        add(town, 3, ADVANCED, ADVANCED, false);
        add(town, 1, ADVANCED, ADVANCED, true);
        add(town, 1, ADVANCED, AVERAGE, true);
        add(town, 2, AVERAGE, ADVANCED, false);
        add(town, 5, AVERAGE, AVERAGE, false);
        add(town, 1, AVERAGE, null, false);
        add(town, 1, LAGGING, AVERAGE, false);
        add(town, 1, LAGGING, LAGGING, false);
        add(town, 1, LAGGING, null, false);
        RateCounts c = RateCounts.of(town);
        assertThat(c.startTotal()).isEqualTo(16);
        assertThat(List.of(c.startAdvanced(), c.startAverage(), c.startLagging())).containsExactly(5L, 8L, 3L);
        assertThat(List.of(c.endAdvanced(), c.endAverage(), c.endLagging())).containsExactly(6L, 7L, 1L);
        assertThat(c.advancedShare()).isEqualTo(new Rate(6, 14));
        // a 示范 counts for a 先进 at the start whatever its class at the end
        assertThat(c.modelRate()).isEqualTo(new Rate(2, 5));
        assertThat(c.upgradeRate()).isEqualTo(new Rate(2, 7));
        assertThat(c.conversionRate()).isEqualTo(new Rate(1, 2));
        assertThat(RatePolicy.judge(Kind.ADVANCED_SHARE, c.advancedShare(), NOTICE, "VILLAGE").verdict()).isEqualTo(Verdict.MET);
        assertThat(RatePolicy.judge(Kind.CONVERSION_RATE, c.conversionRate(), NOTICE, "VILLAGE").verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aWholeClassMovingWithinItselfUpgradesNothing() {
        List<Covered> same = new ArrayList<>();
        add(same, 4, AVERAGE, AVERAGE, false);
        RateCounts c = RateCounts.of(same);
        assertThat(c.upgradeRate()).isEqualTo(new Rate(0, 4));
        assertThat(RatePolicy.judge(Kind.UPGRADE_RATE, c.upgradeRate(), NOTICE, "VILLAGE").verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(c.conversionRate().empty()).isTrue();
    }

    // ---- 远程教育站点 -------------------------------------------------------------------------------

    static Targets stations(int model, int upgrade, int conversion) {
        return new Targets(40, 10, 25, 100, model, upgrade, conversion);
    }

    @Test
    void stationRatesAreJudgedAgainstTheStationTargetsNotTheOrganisations() {
        // 2/10 = 20% meets the notice's station 升级率 (20%) though it is below the organisations' 25%
        assertThat(RatePolicy.judgeStation(Kind.STATION_UPGRADE_RATE, new Rate(2, 10), NOTICE).verdict()).isEqualTo(Verdict.MET);
        assertThat(RatePolicy.judge(Kind.UPGRADE_RATE, new Rate(2, 10), NOTICE, "VILLAGE").verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(RatePolicy.judgeStation(Kind.STATION_UPGRADE_RATE, new Rate(1, 10), NOTICE).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(RatePolicy.judgeStation(Kind.STATION_MODEL_RATE, new Rate(1, 10), stations(15, 20, 100)).target()).isEqualTo(15);
        assertThat(RatePolicy.judgeStation(Kind.STATION_MODEL_RATE, new Rate(1, 10), stations(15, 20, 100)).verdict())
                .isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aStationTargetIsMetWhenReachedForStationsHaveNoFieldThatMustExceed() {
        // exactly 10% meets a 10% station 提升率; an organisation outside villages would have to beat it
        var judged = RatePolicy.judgeStation(Kind.STATION_MODEL_RATE, new Rate(1, 10), NOTICE);
        assertThat(judged.mustExceed()).isFalse();
        assertThat(judged.verdict()).isEqualTo(Verdict.MET);
        assertThat(RatePolicy.judge(Kind.MODEL_RATE, new Rate(1, 10), NOTICE, "AGENCY").verdict()).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aStationConversionTargetOfAHundredPercentNeedsEveryLaggingStationConverted() {
        assertThat(RatePolicy.judgeStation(Kind.STATION_CONVERSION_RATE, new Rate(3, 3), NOTICE).verdict()).isEqualTo(Verdict.MET);
        assertThat(RatePolicy.judgeStation(Kind.STATION_CONVERSION_RATE, new Rate(2, 3), NOTICE).verdict())
                .isEqualTo(Verdict.NOT_MET);
        assertThat(RatePolicy.judgeStation(Kind.STATION_CONVERSION_RATE, new Rate(0, 0), NOTICE).verdict()).isEqualTo(Verdict.NONE);
    }

    @Test
    void anOrganisationRateIsNoStationRate() {
        assertThatThrownBy(() -> RatePolicy.judgeStation(Kind.UPGRADE_RATE, new Rate(1, 4), NOTICE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stationsAreCountedByTheOrganisationsRules() {
        // a town's stations: 3 先进 at the start (one named a 示范站点, one without a year-end grade yet),
        // 4 一般 (one up to 先进, one to 后进), 1 后进 (to 一般)
        List<Covered> town = new ArrayList<>();
        add(town, 1, ADVANCED, ADVANCED, true);
        add(town, 1, ADVANCED, AVERAGE, false);
        add(town, 1, ADVANCED, null, true);
        add(town, 1, AVERAGE, ADVANCED, false);
        add(town, 2, AVERAGE, AVERAGE, false);
        add(town, 1, AVERAGE, LAGGING, false);
        add(town, 1, LAGGING, AVERAGE, false);
        var line = YearEndFigures.stationLine("合计", town, NOTICE);
        // the one still lacking its 年末审定 is in no base, named or not: 1 of 2
        assertThat(line.counts().startTotal()).isEqualTo(8);
        assertThat(line.counts().endTotal()).isEqualTo(7);
        assertThat(line.modelRate().rate()).isEqualTo(new Rate(1, 2));
        assertThat(line.upgradeRate().rate()).isEqualTo(new Rate(1, 4));
        assertThat(line.conversionRate().rate()).isEqualTo(new Rate(1, 1));
        assertThat(line.judged()).extracting(RatePolicy.Judged::verdict).containsExactly(Verdict.MET, Verdict.MET, Verdict.MET);
        assertThat(line.judged()).extracting(RatePolicy.Judged::kind)
                .containsExactly(Kind.STATION_MODEL_RATE, Kind.STATION_UPGRADE_RATE, Kind.STATION_CONVERSION_RATE);
    }

    static void add(List<Covered> list, int n, Grade start, Grade end, boolean named) {
        for (int i = 0; i < n; i++) {
            list.add(new Covered(start, end, named));
        }
    }
}
