package cn.tierup.web;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Targets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The year switcher keeps the newest years and the one shown in sight and folds the rest under 更早年度. */
class YearSwitchTest {

    static CampaignView campaign(long id, long root, int year) {
        return new CampaignView(id, root, "中共彭州市委员会", year, year + "年度三分类三升级活动", null, Map.of(), Map.of(),
                Targets.notice(), null, 0, Map.of(), true);
    }

    /** Ten campaigns of one root, newest first: 2026 (id 1) down to 2017 (id 10). */
    static List<CampaignView> tenYears() {
        return IntStream.rangeClosed(1, 10).mapToObj(i -> campaign(i, 1, 2027 - i)).toList();
    }

    @Test
    void theNewestYearsAndTheOneShownStayInSight() {
        List<LayoutAdvice.YearChoice> choices = LayoutAdvice.choices(tenYears(), 8, id -> "/grading?campaign=" + id);

        assertThat(choices).extracting(LayoutAdvice.YearChoice::year).containsExactly(2026, 2025, 2024, 2023, 2022, 2021,
                2020, 2019, 2018, 2017);
        assertThat(choices.stream().filter(c -> !c.folded()).map(LayoutAdvice.YearChoice::year))
                .containsExactly(2026, 2025, 2024, 2023, 2019);
        assertThat(choices.stream().filter(LayoutAdvice.YearChoice::selected).map(LayoutAdvice.YearChoice::href))
                .containsExactly("/grading?campaign=8");
        assertThat(choices).noneMatch(LayoutAdvice.YearChoice::shared);
    }

    @Test
    void aFewYearsFoldNothingAndSeveralRootsSayWhose() {
        List<LayoutAdvice.YearChoice> choices = LayoutAdvice.choices(List.of(campaign(1, 1, 2026), campaign(2, 7, 2026),
                campaign(3, 1, 2025)), 1, id -> "/upgrade?campaign=" + id);

        assertThat(choices).noneMatch(LayoutAdvice.YearChoice::folded);
        assertThat(choices).allMatch(LayoutAdvice.YearChoice::shared);
    }
}
