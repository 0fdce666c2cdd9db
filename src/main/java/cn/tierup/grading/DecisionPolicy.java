package cn.tierup.grading;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;

/**
 * 上级评定: the authority may decide a grade other than the self-grade, but then says why; and whoever
 * entered the self-grade on the organisation's behalf does not also decide it.
 */
public final class DecisionPolicy {

    private DecisionPolicy() {
    }

    public static void check(String decided, String selfGrade, String reason, String selfBy, String decider) {
        if (!decided.equals(selfGrade) && (reason == null || reason.isBlank())) {
            throw new DomainException("decision.reason", selfGrade);
        }
        BoundedText.TEXT.optional(reason, "field.tooLong");
        if (decider != null && decider.equals(selfBy)) {
            throw new DomainException("decision.ownSelfGrade");
        }
    }
}
