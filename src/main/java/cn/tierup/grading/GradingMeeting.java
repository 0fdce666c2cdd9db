package cn.tierup.grading;

import cn.tierup.grading.internal.VotesConverter;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A meeting of steps 1, 2 or 4: 群众初评 or 党员评议 with votes per grade, or the 审议 of a self-grade with
 * its ballot count. Part of its {@link GradingCase}; changed only through it.
 */
@Entity
@Table(name = "grading_meeting")
public class GradingMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Step step;
    private int round;
    @Enumerated(EnumType.STRING)
    private MeetingStatus status;
    private LocalDate heldOn;
    private String place;
    private int expected;
    private Integer attendance;
    @Convert(converter = VotesConverter.class)
    private Map<String, Integer> votes;
    private String leadingGrade;
    @Enumerated(EnumType.STRING)
    private BallotMode mode;
    private String proposedGrade;
    private Integer ballotsIssued;
    private Integer ballotsReturned;
    private Integer agree;
    private Integer disagree;
    private Integer abstain;
    private Integer invalid;
    private Boolean passed;
    private String slug;
    private String ballotTitle;
    private String recordedBy;
    private LocalDateTime recordedAt;
    private String voidReason;

    protected GradingMeeting() {
    }

    static GradingMeeting review(Step step, int round, MeetingRecord r, String leading, String by, LocalDateTime at) {
        GradingMeeting m = held(step, round, r.heldOn(), r.place(), r.expected(), by, at);
        m.attendance = r.attendance();
        m.votes = new LinkedHashMap<>(r.votes());
        m.leadingGrade = leading;
        m.status = MeetingStatus.RECORDED;
        return m;
    }

    static GradingMeeting paperBallot(int round, PaperTally t, String proposed, boolean passed, String by, LocalDateTime at) {
        GradingMeeting m = held(Step.DELIBERATION, round, t.heldOn(), t.place(), t.expected(), by, at);
        m.mode = BallotMode.PAPER;
        m.proposedGrade = proposed;
        m.attendance = t.attendance();
        m.ballotsIssued = t.issued();
        m.ballotsReturned = t.returned();
        m.agree = t.agree();
        m.disagree = t.disagree();
        m.abstain = t.abstain();
        m.invalid = t.invalid();
        m.passed = passed;
        m.status = MeetingStatus.RECORDED;
        return m;
    }

    static GradingMeeting phoneBallot(int round, LocalDate heldOn, String place, int expected, String proposed, String title,
                                      int codes, String by, LocalDateTime at) {
        GradingMeeting m = held(Step.DELIBERATION, round, heldOn, place, expected, by, at);
        m.mode = BallotMode.PHONE;
        m.proposedGrade = proposed;
        m.ballotTitle = title;
        m.ballotsIssued = codes;
        m.status = MeetingStatus.OPEN;
        return m;
    }

    private static GradingMeeting held(Step step, int round, LocalDate heldOn, String place, int expected, String by,
                                       LocalDateTime at) {
        GradingMeeting m = new GradingMeeting();
        m.step = step;
        m.round = round;
        m.heldOn = heldOn;
        m.place = place.strip();
        m.expected = expected;
        m.recordedBy = by;
        m.recordedAt = at;
        return m;
    }

    /** The link of the ballot opened for this meeting, known once the ballot module has opened it. */
    void linkBallot(String slug) {
        this.slug = slug;
    }

    /** Closes a phone ballot with the totals the ballot module counted; invalid are votes it could not open. */
    void close(int attendance, int spent, int agree, int disagree, int abstain, int invalid, boolean passed, String by,
               LocalDateTime at) {
        this.attendance = attendance;
        this.ballotsReturned = spent;
        this.agree = agree;
        this.disagree = disagree;
        this.abstain = abstain;
        this.invalid = invalid;
        this.passed = passed;
        this.status = MeetingStatus.RECORDED;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    void voidFor(String reason) {
        this.status = MeetingStatus.VOID;
        this.voidReason = reason;
    }

    public boolean live() {
        return status != MeetingStatus.VOID;
    }

    public Long getId() { return id; }
    public Step getStep() { return step; }
    public int getRound() { return round; }
    public MeetingStatus getStatus() { return status; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getPlace() { return place; }
    public int getExpected() { return expected; }
    public Integer getAttendance() { return attendance; }
    public Map<String, Integer> getVotes() { return votes; }
    public String getLeadingGrade() { return leadingGrade; }
    public BallotMode getMode() { return mode; }
    public String getProposedGrade() { return proposedGrade; }
    public Integer getBallotsIssued() { return ballotsIssued; }
    public Integer getBallotsReturned() { return ballotsReturned; }
    public Integer getAgree() { return agree; }
    public Integer getDisagree() { return disagree; }
    public Integer getAbstain() { return abstain; }
    public Integer getInvalid() { return invalid; }
    public Boolean getPassed() { return passed; }
    public String getSlug() { return slug; }
    public String getBallotTitle() { return ballotTitle; }
    public String getRecordedBy() { return recordedBy; }
    public LocalDateTime getRecordedAt() { return recordedAt; }
    public String getVoidReason() { return voidReason; }
}
