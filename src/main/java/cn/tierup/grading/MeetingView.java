package cn.tierup.grading;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/** A grading meeting as pages, the API and the 申报表 show it. */
public record MeetingView(long id, Step step, int round, MeetingStatus status, LocalDate heldOn, String place, int expected,
                          Integer attendance, Map<String, Integer> votes, String leadingGrade, BallotMode mode,
                          String proposedGrade, Integer ballotsIssued, Integer ballotsReturned, Integer agree,
                          Integer disagree, Integer abstain, Integer invalid, Boolean passed, String slug,
                          String recordedBy, LocalDateTime recordedAt, String voidReason) {

    static MeetingView of(GradingMeeting m) {
        return new MeetingView(m.getId(), m.getStep(), m.getRound(), m.getStatus(), m.getHeldOn(), m.getPlace(),
                m.getExpected(), m.getAttendance(), m.getVotes(), m.getLeadingGrade(), m.getMode(), m.getProposedGrade(),
                m.getBallotsIssued(), m.getBallotsReturned(), m.getAgree(), m.getDisagree(), m.getAbstain(), m.getInvalid(),
                m.getPassed(), m.getSlug(), m.getRecordedBy(), m.getRecordedAt(), m.getVoidReason());
    }

    /** Share of valid ballots that agreed, in percent with two decimals ({@code Shares#rate}); null before the count. */
    public java.math.BigDecimal agreeShare() {
        if (agree == null) {
            return null;
        }
        return cn.tierup.shared.Shares.rate(agree, agree + disagree + abstain);
    }
}
