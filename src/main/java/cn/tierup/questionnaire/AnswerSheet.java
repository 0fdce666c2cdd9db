package cn.tierup.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one submission against the questions and keeps only clean answers: for a choice question the
 * option number(s), for a text question the text. A question hidden by its shown-if condition keeps no
 * answer. Problems come back per question (key → message code and question number), nothing is kept. Questions are
 * numbered as the respondent sees them: consecutively over the questions shown, so that when question 7 is hidden
 * the next one is 7.
 */
public final class AnswerSheet {

    /** A problem with the answer to one question. */
    public record Problem(String key, int number, String code, Object detail) {
    }

    private final Map<String, Object> answers = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    private AnswerSheet() {
    }

    public static AnswerSheet check(List<Question> questions, Map<String, List<String>> raw) {
        AnswerSheet sheet = new AnswerSheet();
        int shown = 0;
        for (Question q : questions) {
            if (q.conditional() && !q.showIfOption().equals(sheet.answers.get(q.showIfKey()))
                    && !(sheet.answers.get(q.showIfKey()) instanceof List<?> l && l.contains(q.showIfOption()))) {
                continue;
            }
            // numbered as the respondent sees them: a question hidden by its condition takes no number
            int number = ++shown;
            sheet.numbers.put(q.key(), number);
            List<String> values = raw.getOrDefault(q.key(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            if (values.isEmpty()) {
                if (q.required()) {
                    sheet.problems.add(new Problem(q.key(), number, "answer.required", null));
                }
                continue;
            }
            switch (q.kind()) {
                case SINGLE, RATING -> {
                    if (values.size() > 1) {
                        sheet.problems.add(new Problem(q.key(), number, "answer.oneOnly", null));
                        continue;
                    }
                    Integer option = option(values.get(0), q);
                    if (option == null) {
                        sheet.problems.add(new Problem(q.key(), number, "answer.noSuchOption", null));
                    } else {
                        sheet.answers.put(q.key(), option);
                    }
                }
                case MULTIPLE -> {
                    List<Integer> chosen = new ArrayList<>();
                    for (String v : values) {
                        Integer option = option(v, q);
                        if (option == null) {
                            sheet.problems.add(new Problem(q.key(), number, "answer.noSuchOption", null));
                            chosen = null;
                            break;
                        }
                        if (!chosen.contains(option)) {
                            chosen.add(option);
                        }
                    }
                    if (chosen != null) {
                        chosen.sort(Integer::compare);
                        sheet.answers.put(q.key(), chosen);
                    }
                }
                case SHORT_TEXT, LONG_TEXT -> {
                    String text = values.get(0).strip();
                    if (values.size() > 1) {
                        sheet.problems.add(new Problem(q.key(), number, "answer.oneOnly", null));
                    } else if (text.length() > q.textLimit()) {
                        sheet.problems.add(new Problem(q.key(), number, "answer.tooLong", q.textLimit()));
                    } else {
                        sheet.answers.put(q.key(), text);
                    }
                }
            }
        }
        return sheet;
    }

    private static Integer option(String value, Question q) {
        try {
            int i = Integer.parseInt(value.strip());
            return i >= 0 && i < q.options().size() ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public Map<String, Object> answers() {
        return answers;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The number each shown question has on the form (1, 2, … over the shown ones only); hidden ones have none. */
    public Map<String, Integer> numbers() {
        return numbers;
    }
}
