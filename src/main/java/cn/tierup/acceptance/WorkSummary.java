package cn.tierup.acceptance;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A grading authority's 工作总结 in one campaign: the three parts it writes (the figures beside them are computed
 * each time, never stored or typed), handed in to the campaign root's organisation department, which accepts it
 * or returns it with a reason to be revised and handed in again. Handed in after the due date it is still taken,
 * and marked late.
 */
@Entity
@Table(name = "acceptance_work_summary")
public class WorkSummary {

    static final BoundedText PART = new BoundedText(20000);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    private Long authorityOrganizationId;
    @Enumerated(EnumType.STRING)
    private WorkSummaryStatus status = WorkSummaryStatus.DRAFT;
    private String achievements;
    private String problems;
    private String plans;
    private int handIns;
    private LocalDateTime handedInAt;
    private String handedInBy;
    private boolean handedInLate;
    private String returnedReason;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private String updatedBy;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected WorkSummary() {
    }

    public WorkSummary(long campaignId, long authorityOrganizationId) {
        this.campaignId = campaignId;
        this.authorityOrganizationId = authorityOrganizationId;
    }

    /**
     * Saves the parts given (a part left out — null — stays as it was; a blank one is cleared); possible while it is a
     * draft or was returned, never once handed in or accepted.
     */
    public void write(WorkSummaryText t, String by, LocalDateTime now) {
        requireEditable();
        if (t.achievements() != null) {
            this.achievements = PART.optional(t.achievements(), "acceptance.summary.tooLong");
        }
        if (t.problems() != null) {
            this.problems = PART.optional(t.problems(), "acceptance.summary.tooLong");
        }
        if (t.plans() != null) {
            this.plans = PART.optional(t.plans(), "acceptance.summary.tooLong");
        }
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** Hands it in with every part written; after {@code dueOn} it is taken and marked late. */
    public void handIn(String by, LocalDateTime now, LocalDate dueOn) {
        requireEditable();
        if (achievements == null) {
            throw new DomainException("acceptance.summary.achievements.required");
        }
        if (problems == null) {
            throw new DomainException("acceptance.summary.problems.required");
        }
        if (plans == null) {
            throw new DomainException("acceptance.summary.plans.required");
        }
        this.status = WorkSummaryStatus.SUBMITTED;
        this.handIns++;
        this.handedInAt = now;
        this.handedInBy = by;
        this.handedInLate = now.toLocalDate().isAfter(dueOn);
        this.returnedReason = null;
        this.decidedBy = null;
        this.decidedAt = null;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public void accept(String by, LocalDateTime now) {
        requireHandedIn();
        this.status = WorkSummaryStatus.ACCEPTED;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public void returnForRevision(String reason, String by, LocalDateTime now) {
        requireHandedIn();
        this.returnedReason = BoundedText.REASON.required(reason, "acceptance.summary.return.reason", "field.tooLong");
        this.status = WorkSummaryStatus.RETURNED;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public boolean editable() {
        return status == WorkSummaryStatus.DRAFT || status == WorkSummaryStatus.RETURNED;
    }

    private void requireEditable() {
        if (status == WorkSummaryStatus.SUBMITTED) {
            throw new DomainException("acceptance.summary.locked.submitted");
        }
        if (status == WorkSummaryStatus.ACCEPTED) {
            throw new DomainException("acceptance.summary.locked.accepted");
        }
    }

    private void requireHandedIn() {
        if (status != WorkSummaryStatus.SUBMITTED) {
            throw new DomainException("acceptance.summary.notSubmitted");
        }
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public Long getAuthorityOrganizationId() { return authorityOrganizationId; }
    public WorkSummaryStatus getStatus() { return status; }
    public String getAchievements() { return achievements; }
    public String getProblems() { return problems; }
    public String getPlans() { return plans; }
    public int getHandIns() { return handIns; }
    public LocalDateTime getHandedInAt() { return handedInAt; }
    public String getHandedInBy() { return handedInBy; }
    public boolean isHandedInLate() { return handedInLate; }
    public String getReturnedReason() { return returnedReason; }
    public String getDecidedBy() { return decidedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
