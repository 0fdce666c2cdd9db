package cn.tierup.grading;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An organisation's grading in a campaign, put together from one small view per concern: whom it is
 * about, where it stands, the meetings held, the self-assessment, the decision, the last three years'
 * grades and what the viewer may do. Each part is built by its own factory, with an empty form for a
 * case not yet started. The API shows the parts as one flat object, as it always has.
 */
public record CaseView(@JsonUnwrapped Subject org, @JsonUnwrapped Progress progress, @JsonUnwrapped Meetings held,
                       @JsonUnwrapped SelfAssessment self, @JsonUnwrapped Decision decision, List<PastGrade> history,
                       @JsonUnwrapped Rights may) {

    /** The organisation graded, in which campaign, and who grades it. */
    public record Subject(long campaignId, int year, long organizationId, String organizationName, String field,
                          String secretary, long members, Long authorityId, String authorityName) {
    }

    /** Where the case stands: the standard it is graded against, its step and round, its deadline. */
    public record Progress(Long caseId, long schemeId, String schemeName, Standard standard, Step step, int round,
                           LocalDate dueOn, boolean late, boolean phaseStarted, int passPercent, long version) {

        static Progress of(GradingCase k, GradingScheme scheme, LocalDate dueOn, boolean phaseStarted, int passPercent) {
            boolean late = k.getDecidedAt() != null ? k.getDecidedAt().toLocalDate().isAfter(dueOn)
                    : LocalDate.now().isAfter(dueOn);
            return new Progress(k.getId(), scheme.getId(), scheme.getName(), scheme.getStandard(), k.getStep(), k.getRound(),
                    dueOn, late, phaseStarted, passPercent, k.getVersion());
        }

        static Progress notStarted(GradingScheme scheme, LocalDate dueOn, boolean phaseStarted, int passPercent) {
            return new Progress(null, scheme.getId(), scheme.getName(), scheme.getStandard(), Step.PUBLIC_REVIEW, 1, dueOn,
                    LocalDate.now().isAfter(dueOn), phaseStarted, passPercent, 0);
        }
    }

    /**
     * The meetings of steps 1, 2 and 4 that count, the phone ballot running (with its turnout) and every
     * meeting held, void ones included, so the trail shows reopenings.
     */
    public record Meetings(MeetingView publicReview, MeetingView memberReview, MeetingView deliberation,
                           MeetingView openBallot, Integer ballotTurnout, List<MeetingView> meetings) {

        static final Meetings NONE = new Meetings(null, null, null, null, null, List.of());

        static Meetings of(GradingCase k, Integer ballotTurnout) {
            return new Meetings(view(k, Step.PUBLIC_REVIEW), view(k, Step.MEMBER_REVIEW), view(k, Step.DELIBERATION),
                    k.openBallot().map(MeetingView::of).orElse(null), ballotTurnout,
                    k.getMeetings().stream().map(MeetingView::of).toList());
        }

        private static MeetingView view(GradingCase k, Step step) {
            return k.meeting(step).map(MeetingView::of).orElse(null);
        }
    }

    /** Step 3: the score sheet with its computed total and grade, and the self-grade proposed. */
    public record SelfAssessment(ScoreSheet scoreSheet, Standard.Evaluation evaluation, String annualAssessment,
                                 String selfGrade, String selfStatement, String selfBy, LocalDateTime selfAt) {

        static final SelfAssessment NONE = new SelfAssessment(null, null, null, null, null, null, null);

        static SelfAssessment of(GradingCase k, Standard standard) {
            ScoreSheet sheet = k.getScoreSheet();
            return new SelfAssessment(sheet, sheet == null ? null : standard.evaluate(sheet.scores(), sheet.vetoes()),
                    k.getAnnualAssessment(), k.getSelfGrade(), k.getSelfStatement(), k.getSelfBy(), k.getSelfAt());
        }
    }

    /** Step 5: the grade decided, with its class, reason, who and when. */
    public record Decision(String decidedGrade, Grade decidedLevel, String decisionReason, String decidedBy,
                           LocalDateTime decidedAt, java.time.LocalDate meetingOn, String minutes) {

        static final Decision NONE = new Decision(null, null, null, null, null, null, null);

        static Decision of(GradingCase k) {
            return new Decision(k.getDecidedGrade(), k.getDecidedLevel(), k.getDecisionReason(), k.getDecidedBy(),
                    k.getDecidedAt(), k.getDecisionMeetingOn(), k.getDecisionMinutes());
        }
    }

    /** What the viewer may do: steps 1–4, and deciding or reopening. */
    public record Rights(boolean canWrite, boolean canDecide) {
    }

    /** A grade of an earlier year, from the register. */
    public record PastGrade(int year, String grade, Grade level, String decidedBy, LocalDateTime decidedAt) {
    }

    public boolean decided() {
        return progress.step() == Step.DONE;
    }

    /** Which of the five steps are done (1-based), for the progress bar. */
    public boolean done(int stepNumber) {
        return progress.step().number() > stepNumber;
    }
}
