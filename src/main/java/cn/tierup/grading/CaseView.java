package cn.tierup.grading;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An organisation's grading in a campaign with everything its steps need beside them: the standard, the
 * results of steps 1–2, the score sheet with its computed total and grade, the last three years' grades,
 * the meetings (void ones included, so the trail shows reopenings) and what the viewer may do.
 */
public record CaseView(Long caseId, long campaignId, int year, long organizationId, String organizationName, String field,
                       String secretary, long members, Long authorityId, String authorityName, long schemeId,
                       String schemeName, Standard standard, Step step, int round, LocalDate dueOn, boolean late,
                       boolean phaseStarted, MeetingView publicReview, MeetingView memberReview, MeetingView deliberation,
                       MeetingView openBallot, Integer ballotTurnout, List<MeetingView> meetings, ScoreSheet scoreSheet,
                       Standard.Evaluation evaluation, String annualAssessment, String selfGrade, String selfStatement,
                       String selfBy, LocalDateTime selfAt, String decidedGrade, Grade decidedLevel, String decisionReason,
                       String decidedBy, LocalDateTime decidedAt, List<PastGrade> history, int passPercent,
                       boolean canWrite, boolean canDecide, long version) {

    /** A grade of an earlier year, from the register. */
    public record PastGrade(int year, String grade, Grade level, String decidedBy, LocalDateTime decidedAt) {
    }

    public boolean decided() {
        return step == Step.DONE;
    }

    /** Which of the five steps are done (1-based), for the progress bar. */
    public boolean done(int stepNumber) {
        return step.number() > stepNumber;
    }
}
