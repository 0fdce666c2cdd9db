package cn.tierup.questionnaire;

import cn.tierup.shared.DomainException;
import java.util.List;

/**
 * A submission with missing or wrong answers: nothing was stored; the problems name every one of them — the identity,
 * the code and each question — so the respondent fixes them all at once.
 */
public class AnswersRejectedException extends DomainException {

    /** The keys of the problems with the form's two fields that are not questions: 您的身份 and the 答题码. */
    public static final String CATEGORY = "category";
    public static final String CODE = "code";

    private final transient List<AnswerSheet.Problem> problems;

    public AnswersRejectedException(List<AnswerSheet.Problem> problems) {
        super("answer.rejected", problems.size());
        this.problems = problems;
    }

    public List<AnswerSheet.Problem> problems() {
        return problems;
    }
}
