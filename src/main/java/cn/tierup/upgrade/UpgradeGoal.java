package cn.tierup.upgrade;

import cn.tierup.shared.BoundedText;
import cn.tierup.grading.Grade;
import cn.tierup.shared.DomainException;
import cn.tierup.upgrade.internal.MeasuresConverter;
import jakarta.persistence.*;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An organisation's 争创目标 for the campaign year, or that of a 远程教育站点 it hosts (the same rules, the host acting). Its aim follows from the decided grade; it is written
 * and handed in by the organisation, approved or returned (with a reason) by its grading authority —
 * never by whoever handed it in. A 后进 organisation is marked converted (整顿转化) once its goal is
 * approved and every line of its rectification ledger is closed.
 */
@Entity
@Table(name = "upgrade_goal")
public class UpgradeGoal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long organizationId;
    /** The hosted station the goal is for; null for the organisation's own. */
    private Long stationId;
    /** 0 for the organisation's own goal, else the station: keys one goal per subject (see V47). */
    private long subjectKey;
    private String grade;
    @Enumerated(EnumType.STRING)
    private Grade gradeLevel;
    @Enumerated(EnumType.STRING)
    private Aim aim;
    @Enumerated(EnumType.STRING)
    private ModelLevel modelLevel;
    private String statement;
    @Convert(converter = MeasuresConverter.class)
    private List<Measure> measures = List.of();
    @Enumerated(EnumType.STRING)
    private GoalStatus status = GoalStatus.DRAFT;
    private String returnReason;
    private String writtenBy;
    private String submittedBy;
    private LocalDateTime submittedAt;
    private String reviewedBy;
    private LocalDateTime reviewedAt;
    private String convertedBy;
    private LocalDateTime convertedAt;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected UpgradeGoal() {
    }

    public UpgradeGoal(long campaignId, long organizationId, String grade, Grade level, LocalDateTime now) {
        this(campaignId, organizationId, null, grade, level, now);
    }

    /** The goal of the organisation ({@code stationId} null) or of a station it hosts. */
    public UpgradeGoal(long campaignId, long organizationId, Long stationId, String grade, Grade level, LocalDateTime now) {
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.stationId = stationId;
        this.subjectKey = stationId == null ? 0 : stationId;
        this.grade = grade;
        this.gradeLevel = level;
        this.aim = Aim.forGrade(level);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Follows a grade decided again (the authority reopened grading) while the goal is with the
     * organisation; once handed in, a goal against another grade is refused until revised.
     */
    public void regrade(String newGrade, Grade level) {
        if (newGrade.equals(grade) && level == gradeLevel) {
            return;
        }
        requireWithOrganisation();
        this.grade = newGrade;
        this.gradeLevel = level;
        this.aim = Aim.forGrade(level);
    }

    /** The goal was written against the grade now decided. */
    public void requireGrade(String decided) {
        if (!grade.equals(decided)) {
            throw new DomainException("goal.gradeChanged", grade, decided == null ? "未定级" : decided);
        }
    }

    /** Saves the goal as a draft; only while it is with the organisation (draft or returned). */
    public void write(ModelLevel level, String newStatement, List<Measure> newMeasures, String by, LocalDateTime now) {
        requireWithOrganisation();
        this.modelLevel = aim == Aim.CONSOLIDATE ? level : null;
        this.statement = newStatement == null ? null : newStatement.strip();
        this.measures = newMeasures == null ? List.of() : List.copyOf(newMeasures);
        this.writtenBy = by;
        this.updatedAt = now;
    }

    public void submit(int year, String by, LocalDateTime now) {
        requireWithOrganisation();
        GoalPolicy.check(aim, modelLevel, statement, measures, year);
        this.status = GoalStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    public void approve(String by, LocalDateTime now) {
        requireSubmitted(by);
        this.status = GoalStatus.APPROVED;
        this.returnReason = null;
        this.reviewedBy = by;
        this.reviewedAt = now;
        this.updatedAt = now;
    }

    public void returnForRevision(String reason, String by, LocalDateTime now) {
        requireSubmitted(by);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("goal.returnReason");
        }
        this.status = GoalStatus.RETURNED;
        this.returnReason = BoundedText.REASON.clip(reason);
        this.reviewedBy = by;
        this.reviewedAt = now;
        this.updatedAt = now;
    }

    /** 整顿转化: only a 后进 organisation with its plan approved and its whole ledger closed. */
    public void markConverted(long items, long open, String by, LocalDateTime now) {
        if (aim != Aim.RECTIFY) {
            throw new DomainException("goal.convert.notLagging");
        }
        if (status != GoalStatus.APPROVED) {
            throw new DomainException("goal.convert.noPlan");
        }
        if (items == 0 || open > 0) {
            throw new DomainException("goal.convert.ledger", open);
        }
        if (convertedAt != null) {
            throw new DomainException("goal.convert.done");
        }
        this.convertedBy = by;
        this.convertedAt = now;
        this.updatedAt = now;
    }

    private void requireWithOrganisation() {
        if (status != GoalStatus.DRAFT && status != GoalStatus.RETURNED) {
            throw new DomainException("goal.notEditable");
        }
    }

    private void requireSubmitted(String by) {
        if (status != GoalStatus.SUBMITTED) {
            throw new DomainException("goal.notSubmitted");
        }
        if (by != null && by.equals(submittedBy)) {
            throw new DomainException("goal.ownApproval");
        }
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getOrganizationId() { return organizationId; }
    public Long getStationId() { return stationId; }
    public String getGrade() { return grade; }
    public Grade getGradeLevel() { return gradeLevel; }
    public Aim getAim() { return aim; }
    public ModelLevel getModelLevel() { return modelLevel; }
    public String getStatement() { return statement; }
    public List<Measure> getMeasures() { return measures; }
    public GoalStatus getStatus() { return status; }
    public String getReturnReason() { return returnReason; }
    public String getWrittenBy() { return writtenBy; }
    public String getSubmittedBy() { return submittedBy; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public String getReviewedBy() { return reviewedBy; }
    public LocalDateTime getReviewedAt() { return reviewedAt; }
    public String getConvertedBy() { return convertedBy; }
    public LocalDateTime getConvertedAt() { return convertedAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
