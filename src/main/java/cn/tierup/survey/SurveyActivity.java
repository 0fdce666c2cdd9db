package cn.tierup.survey;

import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A dated survey record of an organisation. Totals anywhere in the product are sums of these, so a
 * figure is never typed twice. A questionnaire entry says how many came back (no more than issued);
 * an appraisal entry says which evaluator group it counts.
 */
@Entity
@Table(name = "survey_activity")
public class SurveyActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    private Long organizationId;
    @Enumerated(EnumType.STRING)
    private ActivityKind kind;
    private LocalDate occurredOn;
    private int amount;
    private Integer returnedCount;
    @Enumerated(EnumType.STRING)
    private EvaluatorGroup evaluatorGroup;
    private String note;
    private String recordedBy;
    private LocalDateTime recordedAt;

    protected SurveyActivity() {
    }

    public SurveyActivity(long campaignId, long organizationId, ActivityEntry e, int campaignYear, String by,
                          LocalDateTime now) {
        if (e.kind() == null || e.occurredOn() == null || e.amount() == null) {
            throw new DomainException("activity.incomplete");
        }
        if (e.amount() < 1 || e.amount() > 100000) {
            throw new DomainException("activity.amount.range");
        }
        if (e.occurredOn().isAfter(now.toLocalDate())) {
            throw new DomainException("activity.date.future");
        }
        if (e.occurredOn().getYear() != campaignYear) {
            throw new DomainException("activity.date.year", campaignYear);
        }
        if (e.kind() == ActivityKind.QUESTIONNAIRE) {
            if (e.returnedCount() == null || e.returnedCount() < 0 || e.returnedCount() > e.amount()) {
                throw new DomainException("activity.returned.range");
            }
        } else if (e.returnedCount() != null && e.returnedCount() != 0) {
            throw new DomainException("activity.returned.onlyQuestionnaire");
        }
        if (e.kind() == ActivityKind.APPRAISAL && e.evaluatorGroup() == null) {
            throw new DomainException("activity.group.required");
        }
        if (e.kind() != ActivityKind.APPRAISAL && e.evaluatorGroup() != null) {
            throw new DomainException("activity.group.onlyAppraisal");
        }
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.kind = e.kind();
        this.occurredOn = e.occurredOn();
        this.amount = e.amount();
        this.returnedCount = e.kind() == ActivityKind.QUESTIONNAIRE ? e.returnedCount() : null;
        this.evaluatorGroup = e.evaluatorGroup();
        this.note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
        this.recordedBy = by;
        this.recordedAt = now;
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public Long getOrganizationId() { return organizationId; }
    public ActivityKind getKind() { return kind; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public int getAmount() { return amount; }
    public Integer getReturnedCount() { return returnedCount; }
    public EvaluatorGroup getEvaluatorGroup() { return evaluatorGroup; }
    public String getNote() { return note; }
    public String getRecordedBy() { return recordedBy; }
    public LocalDateTime getRecordedAt() { return recordedAt; }
}
