package cn.tierup.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Answers counted per question and option, split by respondent category (党员/群众, or the evaluator
 * groups of a 民主测评); text answers listed separately.
 */
public record Statistics(Audience audience, List<String> categories, Map<String, Long> respondentsBy,
                         List<QuestionStats> questions) {

    public long respondents() {
        return respondentsBy.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Respondents who said they are party members (a questionnaire of 党员 and 群众). */
    public long members() {
        return respondents(RespondentCategory.MEMBER.name());
    }

    public long publics() {
        return respondents(RespondentCategory.PUBLIC.name());
    }

    public long respondents(String category) {
        return respondentsBy.getOrDefault(category, 0L);
    }

    /** A choice question's counts for a chart: options separated by |, categories within an option by commas. */
    public String chartValues(int questionIndex) {
        return String.join("|", questions.get(questionIndex).options().stream()
                .map(o -> String.join(",", categories.stream().map(c -> String.valueOf(o.count(c))).toList()))
                .toList());
    }

    public record QuestionStats(int number, Question question, List<OptionStats> options, List<String> texts) {
    }

    /**
     * One option: how many of each category chose it, and its share of all respondents in percent with two
     * decimals ({@code Shares}: the options of a question every respondent answered once add up to 100.00).
     */
    public record OptionStats(String label, Map<String, Long> counts, long respondents, BigDecimal share) {

        public long count(String category) {
            return counts.getOrDefault(category, 0L);
        }

        public long members() {
            return count(RespondentCategory.MEMBER.name());
        }

        public long publics() {
            return count(RespondentCategory.PUBLIC.name());
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public BigDecimal percent() {
            return share;
        }
    }
}
