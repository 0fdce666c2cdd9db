package cn.tierup.grading;

import cn.tierup.shared.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardTest {

    static final String TEXT = """
            【维度】领导班子好
            - 认真学习贯彻党的路线方针政策 3
            - 班子团结协作 2
            【维度】群众反映好
            - 群众满意度高 5
            【等次】先进 8 先进类
            【等次】一般 5 一般类
            【等次】后进 0 后进类
            【一票否决】领导班子长期瘫痪
            """;

    @Test
    void theTotalDecidesTheGradeByTheThresholds() {
        Standard s = StandardText.parse(TEXT);
        assertThat(s.maximum()).isEqualTo(10);
        assertThat(s.evaluate(Map.of("1.1", 3, "1.2", 2, "2.1", 4), Set.of()).grade().name()).isEqualTo("先进");
        assertThat(s.evaluate(Map.of("1.1", 3, "2.1", 2), Set.of()).grade().name()).isEqualTo("一般");
        Standard.Evaluation low = s.evaluate(Map.of("1.1", 1), Set.of());
        assertThat(low.grade().level()).isEqualTo(Grade.LAGGING);
        assertThat(low.dimensionTotals()).containsExactly(1, 0);
    }

    @Test
    void aVetoItemForcesTheLowestGradeWhateverTheScore() {
        Standard s = StandardText.parse(TEXT);
        Standard.Evaluation e = s.evaluate(Map.of("1.1", 3, "1.2", 2, "2.1", 5), Set.of(1));
        assertThat(e.total()).isEqualTo(10);
        assertThat(e.grade().name()).isEqualTo("后进");
        assertThat(e.vetoesHit()).containsExactly("领导班子长期瘫痪");
    }

    @Test
    void aScoreAboveTheCriterionsPointsIsRefused() {
        Standard s = StandardText.parse(TEXT);
        assertThatThrownBy(() -> s.evaluate(Map.of("1.2", 3), Set.of())).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("score.range");
    }

    @Test
    void thresholdsMustFallAndTheLowestGradeIsALaggingOneAtZero() {
        assertThatThrownBy(() -> new Standard(List.of(new Dimension("领导班子好", List.of(new Criterion("甲", 5)))),
                List.of(new GradeBand("先进", 3, Grade.ADVANCED), new GradeBand("一般", 4, Grade.AVERAGE),
                        new GradeBand("后进", 0, Grade.LAGGING)), List.of()))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("scheme.thresholds");
        assertThatThrownBy(() -> new Standard(List.of(new Dimension("领导班子好", List.of(new Criterion("甲", 5)))),
                List.of(new GradeBand("好", 3, Grade.ADVANCED), new GradeBand("较差", 1, Grade.LAGGING)), List.of()))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("scheme.lowest");
    }

    @Test
    void theTypedTextRoundTrips() {
        Standard s = StandardText.parse(TEXT);
        assertThat(StandardText.parse(StandardText.format(s))).isEqualTo(s);
    }
}
