package cn.tierup.questionnaire;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SealedAnswerTest {

    static final List<Question> QUESTIONS = List.of(
            new Question("q1", QuestionKind.SINGLE, "满意吗", List.of("满意", "基本满意", "不满意"), true, null, null, null),
            new Question("q2", QuestionKind.MULTIPLE, "问题有哪些", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"), false,
                    null, null, null),
            new Question("q3", QuestionKind.SHORT_TEXT, "意见", List.of(), false, null, null, 10));
    static final List<String> CATEGORIES = List.of("MEMBER", "PUBLIC");

    @Test
    void everyAnswerHasTheQuestionnairesOneLengthAndComesBackAsItWas() {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("q1", 2);
        full.put("q2", List.of(0, 7, 8));
        full.put("q3", "𠀀𠀀𠀀𠀀𠀀"); // ten chars of the widest kind: five surrogate pairs
        Map<String, Object> sparse = Map.of("q1", 0);
        SealedAnswer a = new SealedAnswer("PUBLIC", LocalDate.of(2026, 12, 6), full);
        SealedAnswer b = new SealedAnswer("MEMBER", LocalDate.of(2026, 1, 1), sparse);
        byte[] pa = a.encode(QUESTIONS, CATEGORIES);
        byte[] pb = b.encode(QUESTIONS, CATEGORIES);
        assertThat(pa).hasSize(SealedAnswer.length(QUESTIONS));
        assertThat(pb).hasSize(pa.length);
        assertThat(SealedAnswer.decode(pa, QUESTIONS, CATEGORIES)).contains(a);
        assertThat(SealedAnswer.decode(pb, QUESTIONS, CATEGORIES)).contains(b);
    }

    @Test
    void aTextThatIsNotLaidOutForTheseQuestionsIsNotAnAnswer() {
        byte[] p = new SealedAnswer("MEMBER", LocalDate.of(2026, 1, 1), Map.of("q1", 1)).encode(QUESTIONS, CATEGORIES);
        assertThat(SealedAnswer.decode(java.util.Arrays.copyOf(p, p.length - 1), QUESTIONS, CATEGORIES)).isEmpty();
        assertThat(SealedAnswer.decode(p, QUESTIONS, List.of())).isEmpty();
        p[0] = 9;
        assertThat(SealedAnswer.decode(p, QUESTIONS, CATEGORIES)).isEmpty();
    }
}
