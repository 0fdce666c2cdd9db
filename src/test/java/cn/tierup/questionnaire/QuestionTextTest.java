package cn.tierup.questionnaire;

import cn.tierup.shared.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionTextTest {

    static final String TEXT = """
            1. 【单选】【必答】您对领导班子的评价是：
            - 满意
            - 基本满意
            - 不满意
            2. 【简答】【条件：第1题选第3项】请说明不满意的原因
            3. 【多选】您希望增加哪些活动？
            - 专题讲座
            - 实践活动
            """;

    @Test
    void typedQuestionsBecomeQuestionsWithKindsOptionsRequiredAndConditions() {
        List<Question> qs = QuestionText.parse(TEXT);
        assertThat(qs).hasSize(3);
        assertThat(qs.get(0).kind()).isEqualTo(QuestionKind.SINGLE);
        assertThat(qs.get(0).required()).isTrue();
        assertThat(qs.get(0).options()).containsExactly("满意", "基本满意", "不满意");
        assertThat(qs.get(1).showIfKey()).isEqualTo("q1");
        assertThat(qs.get(1).showIfOption()).isEqualTo(2);
        assertThat(qs.get(2).kind()).isEqualTo(QuestionKind.MULTIPLE);
    }

    @Test
    void formattingAndParsingAgainGivesTheSameQuestions() {
        List<Question> qs = QuestionText.parse(TEXT);
        assertThat(QuestionText.parse(QuestionText.format(qs))).isEqualTo(qs);
    }

    @Test
    void aLineThatIsNeitherQuestionNorOptionIsNamedByItsNumber() {
        assertThatThrownBy(() -> QuestionText.parse("1. 【单选】题目\n随便写的一行\n- 甲\n- 乙"))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("questionText.line");
    }

    @Test
    void aConditionMustPointToAnEarlierChoiceQuestion() {
        assertThatThrownBy(() -> QuestionText.parse("1. 【简答】【条件：第2题选第1项】原因\n2. 【单选】题目\n- 甲\n- 乙"))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("questionnaire.showIf");
    }

    @Test
    void aChoiceQuestionNeedsAtLeastTwoOptions() {
        assertThatThrownBy(() -> QuestionText.parse("1. 【单选】题目\n- 甲"))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("questionnaire.options");
    }
}
