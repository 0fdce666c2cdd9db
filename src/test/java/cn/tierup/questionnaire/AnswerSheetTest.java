package cn.tierup.questionnaire;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerSheetTest {

    /** Question 2 is asked only when question 1 is answered with its second option (否). */
    static final List<Question> QUESTIONS = QuestionText.parse("""
            1. 【单选】【必答】流动党员是否得到有效管理服务？
            - 是
            - 否
            2. 【简答】【条件：第1题选第2项】存在的主要问题：
            3. 【单选】【必答】您对活动场所的评价：
            - 好
            - 一般
            """);

    @Test
    void questionsAreNumberedOverThoseShownSoAHiddenOneLeavesNoGap() {
        assertThat(AnswerSheet.check(QUESTIONS, Map.of("q1", List.of("0"))).numbers())
                .containsExactly(Map.entry("q1", 1), Map.entry("q3", 2));
        assertThat(AnswerSheet.check(QUESTIONS, Map.of("q1", List.of("1"))).numbers())
                .containsExactly(Map.entry("q1", 1), Map.entry("q2", 2), Map.entry("q3", 3));
    }

    @Test
    void everyMissingAnswerIsNamedAtOnceByTheNumberItShows() {
        AnswerSheet sheet = AnswerSheet.check(QUESTIONS, Map.of());
        assertThat(sheet.problems()).extracting(AnswerSheet.Problem::key, AnswerSheet.Problem::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q1", 1), org.assertj.core.groups.Tuple.tuple("q3", 2));
    }
}
