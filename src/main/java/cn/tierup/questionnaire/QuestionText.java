package cn.tierup.questionnaire;

import cn.tierup.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions as an office worker types them:
 * <pre>
 * 1. 【单选】【必答】您对领导班子的评价是：
 * - 满意
 * - 基本满意
 * 2. 【简答】【条件：第1题选第2项】请说明原因
 * </pre>
 * Kinds 【单选】【多选】【评价】【简答】【详答】; 【必答】 marks a required question; 【条件：第N题选第M项】 asks
 * it only after that answer. {@link #format} writes the same text back, so editing round-trips.
 */
public final class QuestionText {

    private static final Pattern QUESTION = Pattern.compile("^\\s*(\\d+)\\s*[.、．]\\s*(.*)$");
    private static final Pattern OPTION = Pattern.compile("^\\s*[-－•·]\\s*(.+)$");
    private static final Pattern TAG = Pattern.compile("【([^】]*)】");
    private static final Pattern CONDITION = Pattern.compile("条件[：:]\\s*第\\s*(\\d+)\\s*题选第\\s*(\\d+)\\s*项");
    private static final Map<String, QuestionKind> KINDS = Map.of("单选", QuestionKind.SINGLE, "多选", QuestionKind.MULTIPLE,
            "评价", QuestionKind.RATING, "简答", QuestionKind.SHORT_TEXT, "详答", QuestionKind.LONG_TEXT);

    private QuestionText() {
    }

    public static List<Question> parse(String text) {
        List<Question> out = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        Draft current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            Matcher q = QUESTION.matcher(line);
            Matcher o = OPTION.matcher(line);
            if (q.matches()) {
                if (current != null) {
                    out.add(current.build(out.size() + 1));
                }
                current = new Draft(lineNo);
                String rest = q.group(2);
                Matcher tag = TAG.matcher(rest);
                while (tag.find()) {
                    String t = tag.group(1).strip();
                    Matcher c = CONDITION.matcher(t);
                    if (KINDS.containsKey(t)) {
                        current.kind = KINDS.get(t);
                    } else if (t.equals("必答")) {
                        current.required = true;
                    } else if (c.matches()) {
                        current.showIfKey = "q" + Integer.parseInt(c.group(1));
                        current.showIfOption = Integer.parseInt(c.group(2)) - 1;
                    } else {
                        throw new DomainException("questionText.tag", lineNo, t);
                    }
                }
                current.text = TAG.matcher(rest).replaceAll("").strip();
            } else if (o.matches() && current != null) {
                current.options.add(o.group(1).strip());
            } else {
                throw new DomainException("questionText.line", lineNo);
            }
        }
        if (current != null) {
            out.add(current.build(out.size() + 1));
        }
        QuestionnairePolicy.check(out);
        return out;
    }

    public static String format(List<Question> questions) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            b.append(i + 1).append(". ");
            KINDS.forEach((name, kind) -> {
                if (kind == q.kind()) {
                    b.append('【').append(name).append('】');
                }
            });
            if (q.required()) {
                b.append("【必答】");
            }
            if (q.conditional()) {
                int target = 0;
                for (int k = 0; k < questions.size(); k++) {
                    if (questions.get(k).key().equals(q.showIfKey())) {
                        target = k + 1;
                    }
                }
                b.append("【条件：第").append(target).append("题选第").append(q.showIfOption() + 1).append("项】");
            }
            b.append(q.text()).append('\n');
            for (String option : q.options()) {
                b.append("- ").append(option).append('\n');
            }
        }
        return b.toString();
    }

    private static final class Draft {
        final int line;
        QuestionKind kind;
        boolean required;
        String text;
        String showIfKey;
        Integer showIfOption;
        final List<String> options = new ArrayList<>();

        Draft(int line) {
            this.line = line;
        }

        Question build(int number) {
            if (kind == null) {
                throw new DomainException("questionText.kind", line);
            }
            return new Question("q" + number, kind, text, options, required, showIfKey, showIfOption,
                    kind.hasOptions() ? null : Integer.valueOf(kind == QuestionKind.LONG_TEXT ? 2000 : 200));
        }
    }
}
