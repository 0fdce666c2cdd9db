package cn.tierup.grading;

import cn.tierup.shared.BoundedText;
import cn.tierup.grading.internal.ScoreSheetConverter;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import org.springframework.data.domain.AbstractAggregateRoot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One organisation's 对标定级 in one campaign. It holds the order of the five steps: each is taken only
 * when the case stands at it, a failed 审议 sends it back to 自评 for another round, and only the
 * authority's decision ends it. Reopening (by the authority, with a reason) voids the meetings of the
 * reopened steps and everything after them; nothing recorded is deleted.
 */
@Entity
@Table(name = "grading_case")
public class GradingCase extends AbstractAggregateRoot<GradingCase> {

    /** The most codes one meeting can print (a large 党员群众代表会议 is a few hundred). */
    public static final int MAX_CODES = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long organizationId;
    private long schemeId;
    private String field;
    @Enumerated(EnumType.STRING)
    private Step step = Step.PUBLIC_REVIEW;
    private int round = 1;
    @Convert(converter = ScoreSheetConverter.class)
    private ScoreSheet scoreSheet;
    private Integer scoreTotal;
    private String annualAssessment;
    private String selfGrade;
    @Enumerated(EnumType.STRING)
    private Grade selfLevel;
    private String selfStatement;
    private String selfBy;
    private LocalDateTime selfAt;
    private LocalDateTime readyAt;
    private String decidedGrade;
    @Enumerated(EnumType.STRING)
    private Grade decidedLevel;
    private String decisionReason;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private java.time.LocalDate decisionMeetingOn;
    private String decisionMinutes;
    private Long authorityOrganizationId;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("id")
    private List<GradingMeeting> meetings = new ArrayList<>();

    protected GradingCase() {
    }

    public GradingCase(long campaignId, long organizationId, long schemeId, String field, LocalDateTime now) {
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.schemeId = schemeId;
        this.field = field;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Step 1 or 2: a meeting that votes for a grade; the leading grade is its result. */
    public GradingMeeting recordReview(Step which, MeetingRecord r, Standard standard, String by, LocalDateTime now) {
        if (which != Step.PUBLIC_REVIEW && which != Step.MEMBER_REVIEW) {
            throw new IllegalArgumentException(which.name());
        }
        requireAt(which);
        MeetingPolicy.checkHeld(r.heldOn(), r.place(), r.expected(), r.attendance(), now.toLocalDate());
        if (which == Step.MEMBER_REVIEW) {
            MeetingPolicy.checkQuorum(r.expected(), r.attendance());
        }
        String leading = MeetingPolicy.leadingGrade(r.votes(), standard.grades(), r.attendance());
        checkAfterPrevious(r.heldOn());
        GradingMeeting m = GradingMeeting.review(which, round, r, leading, by, now);
        meetings.add(m);
        step = which == Step.PUBLIC_REVIEW ? Step.MEMBER_REVIEW : Step.SELF_GRADING;
        updatedAt = now;
        return m;
    }

    /** Step 3, while at it: the leadership fills the score sheet (a draft until a self-grade is proposed). */
    public Standard.Evaluation saveScoreSheet(ScoreSheet sheet, String assessment, Standard standard, LocalDateTime now) {
        requireAt(Step.SELF_GRADING);
        Standard.Evaluation e = standard.evaluate(sheet.scores(), sheet.vetoes());
        BoundedText.TITLE.optional(assessment, "self.assessment");
        this.scoreSheet = sheet;
        this.scoreTotal = e.total();
        this.annualAssessment = assessment == null || assessment.isBlank() ? null : assessment.strip();
        updatedAt = now;
        return e;
    }

    /**
     * Step 3 ends with the self-grade and the leadership's statement. With a veto item found the grade
     * can only be the lowest; otherwise the leadership may depart from the computed grade, and says why.
     */
    public void proposeSelfGrade(String gradeName, String statement, Standard standard, String by, LocalDateTime now) {
        requireAt(Step.SELF_GRADING);
        if (scoreSheet == null) {
            throw new DomainException("self.sheetFirst");
        }
        GradeBand band = band(standard, gradeName);
        Standard.Evaluation e = standard.evaluate(scoreSheet.scores(), scoreSheet.vetoes());
        if (e.vetoed() && !band.name().equals(e.grade().name())) {
            throw new DomainException("self.vetoed", e.grade().name());
        }
        if (statement == null || statement.isBlank()) {
            throw new DomainException("self.statement");
        }
        BoundedText.STATEMENT.optional(statement, "field.tooLong");
        this.selfGrade = band.name();
        this.selfLevel = band.level();
        this.selfStatement = statement.strip();
        this.selfBy = by;
        this.selfAt = now;
        this.step = Step.DELIBERATION;
        updatedAt = now;
    }

    /** Step 4 on paper: the counted ballots are entered; the result moves the case on or back to 自评. */
    public GradingMeeting recordPaperBallot(PaperTally t, int passPercent, String by, LocalDateTime now) {
        requireAt(Step.DELIBERATION);
        if (openBallot().isPresent()) {
            throw new DomainException("ballot.phoneOpen");
        }
        MeetingPolicy.checkHeld(t.heldOn(), t.place(), t.expected(), t.attendance(), now.toLocalDate());
        MeetingPolicy.checkTally(t);
        checkAfterPrevious(t.heldOn());
        boolean passed = DeliberationRule.passes(t.agree(), t.disagree(), t.abstain(), passPercent);
        GradingMeeting m = GradingMeeting.paperBallot(round, t, selfGrade, passed, by, now);
        meetings.add(m);
        afterBallot(passed, now);
        return m;
    }

    /** Step 4 on phones: the meeting is set up and its codes printed; votes arrive until it is closed. */
    public GradingMeeting openPhoneBallot(LocalDate heldOn, String place, Integer expected, int codes, String title,
                                          String by, LocalDateTime now) {
        requireAt(Step.DELIBERATION);
        if (openBallot().isPresent()) {
            throw new DomainException("ballot.phoneOpen");
        }
        if (heldOn == null || heldOn.isBefore(now.toLocalDate())) {
            throw new DomainException("ballot.date");
        }
        BoundedText.TITLE.required(place, "meeting.place");
        if (expected == null || expected < 1) {
            throw new DomainException("meeting.expected");
        }
        if (codes < 1 || codes > expected || codes > MAX_CODES) {
            throw new DomainException("ballot.codes", expected);
        }
        GradingMeeting m = GradingMeeting.phoneBallot(round, heldOn, place, expected, selfGrade, title, codes, by, now);
        meetings.add(m);
        updatedAt = now;
        return m;
    }

    /** The running phone ballot's votes are taken behind {@code slug}. */
    public void phoneBallotOpened(String slug) {
        openBallot().orElseThrow(() -> new DomainException("ballot.notOpen")).linkBallot(slug);
    }

    /** Closes the running phone ballot with the attendance and the totals of the ballot. */
    public GradingMeeting closePhoneBallot(Integer attendance, int spent, int agree, int disagree, int abstain, int invalid,
                                           int passPercent, String by, LocalDateTime now) {
        requireAt(Step.DELIBERATION);
        GradingMeeting m = openBallot().orElseThrow(() -> new DomainException("ballot.notOpen"));
        if (m.getHeldOn().isAfter(now.toLocalDate())) {
            throw new DomainException("meeting.future");
        }
        if (attendance == null || attendance < 1 || attendance > m.getExpected()) {
            throw new DomainException("meeting.attendance", m.getExpected());
        }
        if (spent > attendance) {
            throw new DomainException("ballot.spent.exceed", spent, attendance);
        }
        if (agree + disagree + abstain + invalid != spent) {
            throw new IllegalStateException("ballot box out of balance");
        }
        boolean passed = DeliberationRule.passes(agree, disagree, abstain, passPercent);
        m.close(attendance, spent, agree, disagree, abstain, invalid, passed, by, now);
        afterBallot(passed, now);
        return m;
    }

    /**
     * Abandons the running phone ballot uncounted (its closing key is lost, or the meeting did not take place):
     * the meeting is void with the reason and step 4 can be held again, by paper or a new phone ballot.
     */
    public GradingMeeting abandonPhoneBallot(String reason, LocalDateTime now) {
        requireAt(Step.DELIBERATION);
        GradingMeeting m = openBallot().orElseThrow(() -> new DomainException("ballot.notOpen"));
        if (reason == null || reason.isBlank()) {
            throw new DomainException("ballot.abandon.reason");
        }
        m.voidFor(BoundedText.REMARK.clip(reason));
        updatedAt = now;
        return m;
    }

    private void afterBallot(boolean passed, LocalDateTime now) {
        if (passed) {
            step = Step.DECISION;
            readyAt = now;
        } else {
            // 审议未通过: the leadership grades itself again; the score sheet stays to be revised.
            step = Step.SELF_GRADING;
            round++;
            clearSelfGrade();
        }
        updatedAt = now;
    }

    /** Step 5: the authority's grade; a reason is required where it differs from the self-grade. */
    public void decide(String gradeName, String reason, Standard standard, long authorityId, String by, LocalDateTime now) {
        decide(gradeName, reason, DecisionMeeting.NONE, standard, authorityId, by, now);
    }

    /** Step 5 at the authority's meeting: the same, with the meeting's date and record kept beside the grade. */
    public void decide(String gradeName, String reason, DecisionMeeting meeting, Standard standard, long authorityId, String by,
                       LocalDateTime now) {
        requireAt(Step.DECISION);
        GradeBand band = band(standard, gradeName);
        DecisionPolicy.check(band.name(), selfGrade, reason, selfBy, by);
        this.decisionMeetingOn = meeting.heldOn();
        this.decisionMinutes = meeting.minutes();
        this.decidedGrade = band.name();
        this.decidedLevel = band.level();
        this.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        this.decidedBy = by;
        this.decidedAt = now;
        this.authorityOrganizationId = authorityId;
        this.step = Step.DONE;
        updatedAt = now;
        registerEvent(new GradeDecided(campaignId, organizationId, decidedGrade, decidedLevel, now));
    }

    /**
     * The authority reopens a step done wrong: the case goes back to it; the meetings of that step and
     * after are kept but void, and a self-grade or decision made after it is withdrawn.
     */
    public void reopen(Step to, String reason, LocalDateTime now) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reopen.reason");
        }
        if (to == null || to == Step.DONE || to.ordinal() >= step.ordinal()) {
            throw new DomainException("reopen.step");
        }
        String why = BoundedText.REMARK.clip(reason);
        for (GradingMeeting m : meetings) {
            if (m.live() && m.getStep().ordinal() >= to.ordinal()) {
                m.voidFor(why);
            }
        }
        if (to.ordinal() <= Step.SELF_GRADING.ordinal()) {
            clearSelfGrade();
        }
        if (to.ordinal() <= Step.DECISION.ordinal()) {
            readyAt = to == Step.DECISION ? readyAt : null;
            decidedGrade = null;
            decidedLevel = null;
            decisionReason = null;
            decidedBy = null;
            decidedAt = null;
            decisionMeetingOn = null;
            decisionMinutes = null;
            authorityOrganizationId = null;
        }
        step = to;
        updatedAt = now;
        registerEvent(new GradeReopened(campaignId, organizationId, to));
    }

    private void clearSelfGrade() {
        selfGrade = null;
        selfLevel = null;
        selfStatement = null;
        selfBy = null;
        selfAt = null;
    }

    private void requireAt(Step wanted) {
        if (step != wanted) {
            throw new DomainException("step.order", wanted.number(), step.number());
        }
    }

    /** The steps are held in order, so a meeting cannot be dated before the one it follows. */
    private void checkAfterPrevious(LocalDate heldOn) {
        meetings.stream().filter(GradingMeeting::live).map(GradingMeeting::getHeldOn).max(Comparator.naturalOrder())
                .filter(heldOn::isBefore)
                .ifPresent(last -> {
                    throw new DomainException("meeting.beforePrevious", last);
                });
    }

    private static GradeBand band(Standard standard, String name) {
        return standard.grades().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new DomainException("grade.unknown", name == null ? "" : name));
    }

    public Optional<GradingMeeting> openBallot() {
        return meetings.stream().filter(m -> m.getStatus() == MeetingStatus.OPEN).findFirst();
    }

    /** The live meeting of a step (the latest round's, for 审议). */
    public Optional<GradingMeeting> meeting(Step s) {
        return meetings.stream().filter(m -> m.live() && m.getStep() == s && m.getStatus() == MeetingStatus.RECORDED)
                .reduce((a, b) -> b);
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getOrganizationId() { return organizationId; }
    public long getSchemeId() { return schemeId; }
    public String getField() { return field; }
    public Step getStep() { return step; }
    public int getRound() { return round; }
    public ScoreSheet getScoreSheet() { return scoreSheet; }
    public Integer getScoreTotal() { return scoreTotal; }
    public String getAnnualAssessment() { return annualAssessment; }
    public String getSelfGrade() { return selfGrade; }
    public Grade getSelfLevel() { return selfLevel; }
    public String getSelfStatement() { return selfStatement; }
    public String getSelfBy() { return selfBy; }
    public LocalDateTime getSelfAt() { return selfAt; }
    public LocalDateTime getReadyAt() { return readyAt; }
    public String getDecidedGrade() { return decidedGrade; }
    public Grade getDecidedLevel() { return decidedLevel; }
    public String getDecisionReason() { return decisionReason; }
    public String getDecidedBy() { return decidedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public java.time.LocalDate getDecisionMeetingOn() { return decisionMeetingOn; }
    public String getDecisionMinutes() { return decisionMinutes; }
    public Long getAuthorityOrganizationId() { return authorityOrganizationId; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public List<GradingMeeting> getMeetings() { return List.copyOf(meetings); }
}
