package cn.tierup.questionnaire;

import java.util.List;

/** Answers counted per question and option, split into 党员 and 群众; text answers listed separately. */
public record Statistics(long members, long publics, List<QuestionStats> questions) {

    public long respondents() {
        return members + publics;
    }

    public record QuestionStats(int number, Question question, List<OptionStats> options, List<String> texts) {
    }

    /** One option: how many members and how many of the public chose it, and the share of all respondents. */
    public record OptionStats(String label, long members, long publics, long respondents) {

        public long total() {
            return members + publics;
        }

        public double percent() {
            return respondents == 0 ? 0 : Math.round(1000.0 * total() / respondents) / 10.0;
        }
    }
}
