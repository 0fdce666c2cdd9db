package cn.tierup.questionnaire;

import cn.tierup.shared.DomainException;
import java.util.List;

/** A submission with wrong answers: nothing was stored; the problems say which questions to fix. */
public class AnswersRejectedException extends DomainException {

    private final transient List<AnswerSheet.Problem> problems;

    public AnswersRejectedException(List<AnswerSheet.Problem> problems) {
        super("answer.rejected", problems.size());
        this.problems = problems;
    }

    public List<AnswerSheet.Problem> problems() {
        return problems;
    }
}
