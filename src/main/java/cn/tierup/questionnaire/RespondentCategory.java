package cn.tierup.questionnaire;

/** 党员 or 群众: respondents of a questionnaire say which they are; quotas and statistics split by it. */
public enum RespondentCategory {
    MEMBER, PUBLIC
}
