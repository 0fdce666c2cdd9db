package cn.tierup.upgrade;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import java.util.List;

/**
 * A goal that can be handed in: a statement; a model level when the aim is to consolidate (全国/省/市
 * 示范); at least one measure, each with what, who and a date inside the campaign's year.
 */
public final class GoalPolicy {

    public static final int MAX_MEASURES = 50;

    private GoalPolicy() {
    }

    public static void check(Aim aim, ModelLevel modelLevel, String statement, List<Measure> measures, int year) {
        if (statement == null || statement.isBlank()) {
            throw new DomainException("goal.statement");
        }
        BoundedText.STATEMENT.optional(statement, "field.tooLong");
        if (aim == Aim.CONSOLIDATE && modelLevel == null) {
            throw new DomainException("goal.modelLevel");
        }
        if (measures == null || measures.isEmpty()) {
            throw new DomainException("goal.measures");
        }
        if (measures.size() > MAX_MEASURES) {
            throw new DomainException("goal.tooMany", MAX_MEASURES);
        }
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            BoundedText.ITEM.required(m.text(), "goal.measure.text", i + 1);
            BoundedText.PERSON_NAME.required(m.owner(), "goal.measure.owner", i + 1);
            if (m.dueOn() == null || m.dueOn().getYear() != year) {
                throw new DomainException("goal.measure.due", i + 1, String.valueOf(year));
            }
        }
    }
}
