/**
 * 问卷调查: templates per field (shipped from the notice's survey contents, copied and edited by
 * administrators), questionnaires launched by organisations with a short link, anonymous answers
 * from phones, quotas and statistics. Kept apart from the survey module because its public,
 * anonymous, high-volume side has rules of its own (no account, one respondent once, secrecy).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questionnaire")
package cn.tierup.questionnaire;
