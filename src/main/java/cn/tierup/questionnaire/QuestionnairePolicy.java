package cn.tierup.questionnaire;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A well-formed questionnaire: at least one question, unique keys, choice questions with 2–20
 * options, and a shown-if that points to an earlier choice question and one of its options.
 */
public final class QuestionnairePolicy {

    private QuestionnairePolicy() {
    }

    public static void check(List<Question> questions) {
        if (questions == null || questions.isEmpty()) {
            throw new DomainException("questionnaire.empty");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            int n = i + 1;
            if (q.key() == null || q.key().isBlank() || !seen.add(q.key())) {
                throw new DomainException("questionnaire.key", n);
            }
            if (q.kind() == null) {
                throw new DomainException("questionnaire.text", n);
            }
            BoundedText.ITEM.required(q.text(), "questionnaire.text", n);
            if (q.kind().hasOptions()) {
                if (q.options().size() < 2 || q.options().size() > 20 || q.options().stream().anyMatch(o -> o == null || o.isBlank())) {
                    throw new DomainException("questionnaire.options", n);
                }
            } else if (!q.options().isEmpty()) {
                throw new DomainException("questionnaire.options", n);
            }
            if (q.conditional()) {
                Question target = questions.subList(0, i).stream().filter(p -> p.key().equals(q.showIfKey())).findFirst()
                        .orElseThrow(() -> new DomainException("questionnaire.showIf", n));
                if (!target.kind().hasOptions() || q.showIfOption() < 0 || q.showIfOption() >= target.options().size()) {
                    throw new DomainException("questionnaire.showIf", n);
                }
            }
        }
    }
}
