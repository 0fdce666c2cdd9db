package cn.tierup.questionnaire;

import java.util.List;

/**
 * One question. {@code showIfKey}/{@code showIfOption}: the question is asked only when that earlier
 * question was answered with that option (0-based); otherwise it is skipped and not required.
 */
public record Question(String key, QuestionKind kind, String text, List<String> options, boolean required,
                       String showIfKey, Integer showIfOption, Integer maxLength) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public int textLimit() {
        return maxLength == null ? (kind == QuestionKind.LONG_TEXT ? 2000 : 200) : maxLength;
    }

    public boolean conditional() {
        return showIfKey != null && showIfOption != null;
    }
}
