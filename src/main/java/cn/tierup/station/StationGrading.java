package cn.tierup.station;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Standard;
import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import cn.tierup.station.internal.StationScoreSheetConverter;
import jakarta.persistence.*;
import java.time.LocalDateTime;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One station's classification in one campaign, at the start of the year or at its end ({@link StationGradingRound}):
 * the same steps and rules both times. The host organisation fills the score sheet of the station standard
 * (the proposed grade is the standard's, from the score and the veto items) and hands it in; the host's grading
 * authority then decides the grade ({@link StationGradingPolicy}) and may reopen a decision, with a reason. The
 * figures of a decision are kept as they were: the register and 附件6/7 read them, not the standard of today.
 */
@Entity
@Table(name = "station_grading")
public class StationGrading extends AbstractAggregateRoot<StationGrading> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long stationId;
    private long hostOrganizationId;
    private long schemeId;
    @Enumerated(EnumType.STRING)
    @Column(name = "grading_round")
    private StationGradingRound round = StationGradingRound.START;
    @Enumerated(EnumType.STRING)
    private StationGradingStatus status = StationGradingStatus.ASSESSING;
    @Convert(converter = StationScoreSheetConverter.class)
    private ScoreSheet scoreSheet;
    private Integer scoreTotal;
    private Integer scoreMaximum;
    private String vetoesHit;
    private String proposedGrade;
    @Enumerated(EnumType.STRING)
    private Grade proposedLevel;
    private String statement;
    private String assessedBy;
    private String assessedByName;
    private LocalDateTime assessedAt;
    private LocalDateTime submittedAt;
    private String decidedGrade;
    @Enumerated(EnumType.STRING)
    private Grade decidedLevel;
    private String decisionReason;
    private String decidedBy;
    private String decidedByName;
    private LocalDateTime decidedAt;
    private Long authorityOrganizationId;
    private String reopenReason;
    private String reopenedByName;
    private LocalDateTime reopenedAt;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected StationGrading() {
    }

    public StationGrading(long campaignId, long stationId, long hostOrganizationId, long schemeId, LocalDateTime now) {
        this(campaignId, stationId, StationGradingRound.START, hostOrganizationId, schemeId, now);
    }

    /** A grading of the given round; the year-end one is begun by {@link StationGradings} only over a decided start. */
    public StationGrading(long campaignId, long stationId, StationGradingRound round, long hostOrganizationId, long schemeId,
                          LocalDateTime now) {
        this.campaignId = campaignId;
        this.round = round;
        this.stationId = stationId;
        this.hostOrganizationId = hostOrganizationId;
        this.schemeId = schemeId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Step 1: the host's score sheet and 自评说明; the proposed grade is what the standard gives. Again until handed in. */
    public Standard.Evaluation assess(ScoreSheet sheet, String statementText, Standard standard, String by, String byName,
                                      LocalDateTime now) {
        if (status != StationGradingStatus.ASSESSING) {
            throw new DomainException("station.grading.submitted");
        }
        Standard.Evaluation e = standard.evaluate(sheet.scores(), sheet.vetoes());
        this.statement = BoundedText.TEXT.optional(statementText, "station.grading.statement.tooLong");
        this.scoreSheet = sheet;
        this.scoreTotal = e.total();
        this.scoreMaximum = e.maximum();
        this.vetoesHit = e.vetoed() ? String.join("；", e.vetoesHit()) : null;
        this.proposedGrade = e.grade().name();
        this.proposedLevel = e.grade().level();
        this.assessedBy = by;
        this.assessedByName = byName;
        this.assessedAt = now;
        this.updatedAt = now;
        return e;
    }

    /** Step 1 ends: the self-assessment goes to the authority, with the 自评说明 that explains it. */
    public void submit(LocalDateTime now) {
        if (status != StationGradingStatus.ASSESSING) {
            throw new DomainException("station.grading.submitted");
        }
        if (scoreSheet == null) {
            throw new DomainException("station.grading.sheetFirst");
        }
        if (statement == null) {
            throw new DomainException("station.grading.statement");
        }
        this.status = StationGradingStatus.SUBMITTED;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    /** Step 2: the authority's grade, one of the standard's. */
    public void decide(String gradeName, String reason, Standard standard, long authorityId, long actingOrganizationId,
                       String by, String byName, LocalDateTime now) {
        GradeBand band = standard.grades().stream().filter(g -> g.name().equals(gradeName == null ? null : gradeName.strip()))
                .findFirst().orElseThrow(() -> new DomainException("station.grading.grade"));
        StationGradingPolicy.check(new StationGradingPolicy.Decision(status, hostOrganizationId, actingOrganizationId,
                band.name(), proposedGrade, reason, assessedBy, by));
        this.decidedGrade = band.name();
        this.decidedLevel = band.level();
        this.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        this.decidedBy = by;
        this.decidedByName = byName;
        this.decidedAt = now;
        this.authorityOrganizationId = authorityId;
        this.status = StationGradingStatus.DECIDED;
        this.updatedAt = now;
        registerEvent(round == StationGradingRound.START
                ? new StationGradeDecided(campaignId, stationId, hostOrganizationId, decidedGrade, decidedLevel, now)
                : new StationYearEndGradeDecided(campaignId, stationId, hostOrganizationId, decidedGrade, decidedLevel, now));
    }

    /**
     * The authority withdraws its decision, saying why: the station waits for a new decision on the same
     * self-assessment, or — {@code toHost} — the host fills its score sheet again.
     */
    public void reopen(String reason, boolean toHost, String byName, LocalDateTime now) {
        if (status != StationGradingStatus.DECIDED) {
            throw new DomainException("station.grading.notDecided");
        }
        this.reopenReason = BoundedText.REMARK.required(reason, "station.grading.reopenReason", "field.tooLong");
        this.reopenedByName = byName;
        this.reopenedAt = now;
        this.decidedGrade = null;
        this.decidedLevel = null;
        this.decisionReason = null;
        this.decidedBy = null;
        this.decidedByName = null;
        this.decidedAt = null;
        this.authorityOrganizationId = null;
        this.status = toHost ? StationGradingStatus.ASSESSING : StationGradingStatus.SUBMITTED;
        this.submittedAt = toHost ? null : submittedAt;
        this.updatedAt = now;
        registerEvent(round == StationGradingRound.START
                ? new StationGradeReopened(campaignId, stationId, hostOrganizationId, reopenReason)
                : new StationYearEndGradeReopened(campaignId, stationId, hostOrganizationId, reopenReason));
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getStationId() { return stationId; }
    public long getHostOrganizationId() { return hostOrganizationId; }
    public long getSchemeId() { return schemeId; }
    public StationGradingRound getRound() { return round; }
    public StationGradingStatus getStatus() { return status; }
    public ScoreSheet getScoreSheet() { return scoreSheet; }
    public Integer getScoreTotal() { return scoreTotal; }
    public Integer getScoreMaximum() { return scoreMaximum; }
    public String getVetoesHit() { return vetoesHit; }
    public String getProposedGrade() { return proposedGrade; }
    public Grade getProposedLevel() { return proposedLevel; }
    public String getStatement() { return statement; }
    public String getAssessedBy() { return assessedBy; }
    public String getAssessedByName() { return assessedByName; }
    public LocalDateTime getAssessedAt() { return assessedAt; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public String getDecidedGrade() { return decidedGrade; }
    public Grade getDecidedLevel() { return decidedLevel; }
    public String getDecisionReason() { return decisionReason; }
    public String getDecidedBy() { return decidedBy; }
    public String getDecidedByName() { return decidedByName; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public Long getAuthorityOrganizationId() { return authorityOrganizationId; }
    public String getReopenReason() { return reopenReason; }
    public String getReopenedByName() { return reopenedByName; }
    public LocalDateTime getReopenedAt() { return reopenedAt; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
