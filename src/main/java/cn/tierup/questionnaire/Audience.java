package cn.tierup.questionnaire;

import cn.tierup.survey.EvaluatorGroup;
import java.util.Arrays;
import java.util.List;

/**
 * Who answers and how they say who they are: a questionnaire's respondents are 党员 or 群众; a 民主测评's
 * evaluators belong to one of the notice's groups. Statistics and quotas split by these categories.
 */
public enum Audience {
    MEMBER_PUBLIC, EVALUATOR_GROUPS;

    public List<String> categories() {
        return this == MEMBER_PUBLIC ? List.of(RespondentCategory.MEMBER.name(), RespondentCategory.PUBLIC.name())
                : Arrays.stream(EvaluatorGroup.values()).map(Enum::name).toList();
    }

    /** The message key of a category's name (党员, 群众, 基层干部, …). */
    public String labelKey(String category) {
        return (this == MEMBER_PUBLIC ? "RespondentCategory." : "EvaluatorGroup.") + category;
    }
}
