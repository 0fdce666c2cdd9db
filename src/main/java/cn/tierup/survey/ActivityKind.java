package cn.tierup.survey;

/**
 * Survey work, each counted in its own unit: 座谈会 (times), 入户走访 (person-visits), 个别访谈
 * (person-interviews), 问卷 (issued, with returned), 案例剖析 (cases), 民主测评 (evaluators, by group).
 */
public enum ActivityKind {
    SYMPOSIUM, HOME_VISIT, INTERVIEW, QUESTIONNAIRE, CASE_STUDY, APPRAISAL
}
