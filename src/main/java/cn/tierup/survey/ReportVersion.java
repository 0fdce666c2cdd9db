package cn.tierup.survey;

import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A submitted report exactly as it was handed in, with what the superior decided on it. Never edited. */
@Entity
@Table(name = "survey_report_version")
public class ReportVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long reportId;
    private int number;
    private String basicSituation;
    private String mainProblems;
    private String causes;
    private String measures;
    private LocalDate meetingOn;
    private Integer meetingAttendance;
    private LocalDateTime submittedAt;
    private String submittedBy;
    private boolean submittedLate;
    @Enumerated(EnumType.STRING)
    private ReportStatus outcome;
    private String outcomeReason;
    private String decidedBy;
    private LocalDateTime decidedAt;
    @ElementCollection
    @OrderBy("stationId")
    @CollectionTable(name = "survey_station_entry_version", joinColumns = @JoinColumn(name = "version_id"))
    private List<StationAccount> stations = new ArrayList<>();

    protected ReportVersion() {
    }

    ReportVersion(SurveyReport r, int number, String by, LocalDateTime at) {
        this.reportId = r.getId();
        this.number = number;
        this.basicSituation = r.getBasicSituation();
        this.mainProblems = r.getMainProblems();
        this.causes = r.getCauses();
        this.measures = r.getMeasures();
        this.meetingOn = r.getMeetingOn();
        this.meetingAttendance = r.getMeetingAttendance();
        this.submittedAt = at;
        this.submittedBy = by;
        this.submittedLate = r.isSubmittedLate();
        r.getStations().forEach(a -> this.stations.add(a.copy()));
    }

    void decide(ReportStatus outcome, String reason, String by, LocalDateTime at) {
        this.outcome = outcome;
        this.outcomeReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public Long getReportId() { return reportId; }
    public int getNumber() { return number; }
    public String getBasicSituation() { return basicSituation; }
    public String getMainProblems() { return mainProblems; }
    public String getCauses() { return causes; }
    public String getMeasures() { return measures; }
    public LocalDate getMeetingOn() { return meetingOn; }
    public Integer getMeetingAttendance() { return meetingAttendance; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public String getSubmittedBy() { return submittedBy; }
    public boolean isSubmittedLate() { return submittedLate; }
    public ReportStatus getOutcome() { return outcome; }
    public String getOutcomeReason() { return outcomeReason; }
    public String getDecidedBy() { return decidedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public List<StationAccount> getStations() { return Collections.unmodifiableList(stations); }
}
