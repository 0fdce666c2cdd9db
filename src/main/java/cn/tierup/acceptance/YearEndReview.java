package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.ReviewResultsConverter;
import cn.tierup.acceptance.internal.ReviewVotesConverter;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.MeetingPolicy;
import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One organisation's year-end review in one campaign: its 自查初评 (the report against its approved goal and the
 * member meeting that proposes a grade), handed in to its authority, returned with a reason and handed in again
 * until the authority decides the 年末审定 grade (上级审评); the authority may reopen a decision with a reason.
 */
@Entity
@Table(name = "acceptance_review")
public class YearEndReview extends AbstractAggregateRoot<YearEndReview> {

    /** The report's room in the table. */
    private static final BoundedText REPORT = new BoundedText(20000);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long organizationId;
    private long authorityOrganizationId;
    @Enumerated(EnumType.STRING)
    private YearEndReviewStatus status = YearEndReviewStatus.DRAFT;
    private String report;
    @Convert(converter = ReviewResultsConverter.class)
    private List<String> measureResults = new ArrayList<>();
    private LocalDate meetingHeldOn;
    private String meetingPlace;
    private Integer meetingExpected;
    private Integer meetingAttendance;
    @Convert(converter = ReviewVotesConverter.class)
    private Map<String, Integer> meetingVotes = new LinkedHashMap<>();
    private String proposedGrade;
    @Enumerated(EnumType.STRING)
    private Grade proposedLevel;
    private LocalDateTime handedInAt;
    private String handedInBy;
    private boolean handedInLate;
    private String returnedReason;
    private LocalDateTime returnedAt;
    private String returnedBy;
    private String decidedGrade;
    @Enumerated(EnumType.STRING)
    private Grade decidedLevel;
    private String decisionReason;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private String reopenReason;
    private String reopenedBy;
    private LocalDateTime reopenedAt;
    private String updatedBy;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected YearEndReview() {
    }

    public YearEndReview(long campaignId, long organizationId, long authorityOrganizationId, LocalDateTime now) {
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.authorityOrganizationId = authorityOrganizationId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Saves the working copy while it is with the organisation. A meeting, once any of it is entered, must hold
     * as a whole (the rules of 党员评议: a date not ahead, a place, 实到 ≤ 应到 and more than half, votes only
     * for the scheme's grades adding up to no more than those present, one grade ahead): its leading grade is the
     * proposal. Nothing is changed when anything is refused.
     */
    public void write(YearEndReviewContent c, int measures, List<GradeBand> grades, String by, LocalDateTime now) {
        requireWithOrganization();
        String text = REPORT.optional(c.report(), "acceptance.review.report.tooLong");
        List<String> results = new ArrayList<>();
        List<String> given = c.measureResults() == null ? List.of() : c.measureResults();
        for (int i = 0; i < measures; i++) {
            String r = i < given.size() ? given.get(i) : null;
            results.add(BoundedText.TEXT.optional(r, "acceptance.review.measure.tooLong", i + 1));
        }
        boolean meetingGiven = c.meetingHeldOn() != null || c.meetingAttendance() != null
                || (c.votes() != null && c.votes().values().stream().anyMatch(v -> v != null && v != 0))
                || (c.meetingPlace() != null && !c.meetingPlace().isBlank());
        GradeBand proposal = null;
        Map<String, Integer> votes = new LinkedHashMap<>();
        if (meetingGiven) {
            MeetingPolicy.checkHeld(c.meetingHeldOn(), c.meetingPlace(), c.meetingExpected(), c.meetingAttendance(),
                    now.toLocalDate());
            MeetingPolicy.checkQuorum(c.meetingExpected(), c.meetingAttendance());
            if (c.votes() != null) {
                c.votes().forEach((k, v) -> {
                    if (v != null && v != 0 || grades.stream().noneMatch(g -> g.name().equals(k))) {
                        votes.put(k, v);
                    }
                });
            }
            String leading = MeetingPolicy.leadingGrade(votes, grades, c.meetingAttendance());
            proposal = grades.stream().filter(g -> g.name().equals(leading)).findFirst().orElseThrow();
        }
        this.report = text;
        this.measureResults = results;
        this.meetingHeldOn = meetingGiven ? c.meetingHeldOn() : null;
        this.meetingPlace = meetingGiven ? c.meetingPlace().strip() : null;
        this.meetingExpected = meetingGiven ? c.meetingExpected() : null;
        this.meetingAttendance = meetingGiven ? c.meetingAttendance() : null;
        this.meetingVotes = votes;
        this.proposedGrade = proposal == null ? null : proposal.name();
        this.proposedLevel = proposal == null ? null : proposal.level();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /**
     * Hands the self-review in to the authority: the report written, every measure answered, and the member
     * meeting held with its proposal. After the phase's due date it is still taken, and marked late.
     */
    public void handIn(String by, LocalDateTime now, LocalDate dueOn) {
        requireWithOrganization();
        if (report == null) {
            throw new DomainException("acceptance.review.report.required");
        }
        for (int i = 0; i < measureResults.size(); i++) {
            if (measureResults.get(i) == null) {
                throw new DomainException("acceptance.review.measure.required", i + 1);
            }
        }
        if (proposedGrade == null || meetingHeldOn == null) {
            throw new DomainException("acceptance.review.meeting.required");
        }
        this.status = YearEndReviewStatus.SUBMITTED;
        this.handedInAt = now;
        this.handedInBy = by;
        this.handedInLate = now.toLocalDate().isAfter(dueOn);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** The authority sends it back with what to change; the organisation revises it and hands it in again. */
    public void returnForRevision(String reason, String by, LocalDateTime now) {
        requireSubmitted();
        this.returnedReason = BoundedText.TEXT.required(reason, "acceptance.review.return.reason", "field.tooLong");
        this.returnedAt = now;
        this.returnedBy = by;
        this.status = YearEndReviewStatus.RETURNED;
        this.updatedAt = now;
    }

    /** 上级审评: the 年末审定 grade, from the scheme's grades; a reason where it differs from the proposal. */
    public void decide(String gradeName, String reason, List<GradeBand> grades, String by, LocalDateTime now) {
        requireSubmitted();
        GradeBand band = grades.stream().filter(g -> g.name().equals(gradeName)).findFirst()
                .orElseThrow(() -> new DomainException("grade.unknown", gradeName == null ? "" : gradeName));
        YearEndReviewPolicy.checkDecision(band.name(), proposedGrade, reason, handedInBy, by);
        this.decidedGrade = band.name();
        this.decidedLevel = band.level();
        this.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        this.decidedBy = by;
        this.decidedAt = now;
        this.status = YearEndReviewStatus.DECIDED;
        this.updatedAt = now;
        registerEvent(new YearEndGradeDecided(campaignId, organizationId, authorityOrganizationId, decidedGrade,
                decidedLevel, proposedGrade, now));
    }

    /**
     * The authority withdraws a decision made wrongly, with the reason: the review is with it again, to decide
     * anew or return to the organisation; the withdrawn grade stays in the audit trail.
     */
    public void reopen(String reason, String by, LocalDateTime now) {
        if (status != YearEndReviewStatus.DECIDED) {
            throw new DomainException("acceptance.review.notDecided");
        }
        String why = BoundedText.TEXT.required(reason, "acceptance.review.reopen.reason", "field.tooLong");
        String withdrawn = decidedGrade;
        this.decidedGrade = null;
        this.decidedLevel = null;
        this.decisionReason = null;
        this.decidedBy = null;
        this.decidedAt = null;
        this.reopenReason = why;
        this.reopenedBy = by;
        this.reopenedAt = now;
        this.status = YearEndReviewStatus.SUBMITTED;
        this.updatedAt = now;
        registerEvent(new YearEndGradeReopened(campaignId, organizationId, withdrawn, why));
    }

    public boolean withOrganization() {
        return status == YearEndReviewStatus.DRAFT || status == YearEndReviewStatus.RETURNED;
    }

    private void requireWithOrganization() {
        if (status == YearEndReviewStatus.SUBMITTED) {
            throw new DomainException("acceptance.review.locked.submitted");
        }
        if (status == YearEndReviewStatus.DECIDED) {
            throw new DomainException("acceptance.review.locked.decided");
        }
    }

    private void requireSubmitted() {
        if (status != YearEndReviewStatus.SUBMITTED) {
            throw new DomainException("acceptance.review.notSubmitted");
        }
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getOrganizationId() { return organizationId; }
    public long getAuthorityOrganizationId() { return authorityOrganizationId; }
    public YearEndReviewStatus getStatus() { return status; }
    public String getReport() { return report; }
    public List<String> getMeasureResults() { return List.copyOf(measureResults.stream().map(s -> s == null ? "" : s).toList()); }
    public LocalDate getMeetingHeldOn() { return meetingHeldOn; }
    public String getMeetingPlace() { return meetingPlace; }
    public Integer getMeetingExpected() { return meetingExpected; }
    public Integer getMeetingAttendance() { return meetingAttendance; }
    public Map<String, Integer> getMeetingVotes() { return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meetingVotes)); }
    public String getProposedGrade() { return proposedGrade; }
    public Grade getProposedLevel() { return proposedLevel; }
    public LocalDateTime getHandedInAt() { return handedInAt; }
    public String getHandedInBy() { return handedInBy; }
    public boolean isHandedInLate() { return handedInLate; }
    public String getReturnedReason() { return returnedReason; }
    public LocalDateTime getReturnedAt() { return returnedAt; }
    public String getReturnedBy() { return returnedBy; }
    public String getDecidedGrade() { return decidedGrade; }
    public Grade getDecidedLevel() { return decidedLevel; }
    public String getDecisionReason() { return decisionReason; }
    public String getDecidedBy() { return decidedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getReopenReason() { return reopenReason; }
    public String getReopenedBy() { return reopenedBy; }
    public LocalDateTime getReopenedAt() { return reopenedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
