package cn.tierup.survey;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A 自查报告 or 专题调研报告 of one organisation in one campaign. It is written as a draft, handed in
 * to the superior, and either accepted (then final) or returned with a reason to be revised and
 * handed in again. Each hand-in is kept as a {@link ReportVersion}. An organisation that hosts 远程教育站点 writes
 * an entry for each of them in the same report ({@link StationEntryPolicy}); they travel with the rest of it.
 */
@Entity
@Table(name = "survey_report")
public class SurveyReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    private Long organizationId;
    @Enumerated(EnumType.STRING)
    private ReportType type;
    @Enumerated(EnumType.STRING)
    private ReportStatus status = ReportStatus.DRAFT;
    private String basicSituation;
    private String mainProblems;
    private String causes;
    private String measures;
    private LocalDate meetingOn;
    private Integer meetingAttendance;
    private LocalDateTime submittedAt;
    private boolean submittedLate;
    private String returnReason;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private int versionCount;
    private String updatedBy;
    private LocalDateTime updatedAt;
    @ElementCollection
    @OrderBy("stationId")
    @CollectionTable(name = "survey_station_entry", joinColumns = @JoinColumn(name = "report_id"))
    private List<StationAccount> stations = new ArrayList<>();
    @Version
    private long version;

    protected SurveyReport() {
    }

    public SurveyReport(long campaignId, long organizationId, ReportType type) {
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.type = type;
    }

    /** Saves the working copy of a report whose writer hosts no station (the demo's history). */
    public void write(ReportContent c, String by, LocalDateTime now) {
        write(c, List.of(), by, now);
    }

    /**
     * Saves the working copy; possible while it is a draft or was returned, never once handed in. The station entries
     * are replaced when {@code c} carries them (only for stations in {@code hosted}) and kept as they are when not.
     */
    public void write(ReportContent c, List<HostedStation> hosted, String by, LocalDateTime now) {
        requireEditable();
        if (c.meetingOn() != null && c.meetingOn().isAfter(now.toLocalDate())) {
            throw new DomainException("report.meeting.future");
        }
        if (c.meetingAttendance() != null && c.meetingAttendance() < 0) {
            throw new DomainException("report.meeting.attendance");
        }
        List<StationAccount> entries = c.stations() == null ? null : StationEntryPolicy.accepted(c.stations(), hosted);
        if (entries != null) {
            this.stations.clear();
            this.stations.addAll(entries);
        }
        this.basicSituation = trim(c.basicSituation());
        this.mainProblems = trim(c.mainProblems());
        this.causes = trim(c.causes());
        this.measures = trim(c.measures());
        this.meetingOn = c.meetingOn();
        this.meetingAttendance = c.meetingAttendance();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /**
     * Hands the report in to the superior: every section written, and for a 自查报告 the member meeting
     * that discussed it recorded (its attendance no more than the members on the roll). After the
     * deadline it is still taken, and marked late.
     */
    public ReportVersion submit(String by, LocalDateTime now, LocalDate dueOn, long membersOnRoll) {
        return submit(by, now, dueOn, membersOnRoll, List.of());
    }

    /**
     * Hands the report in with its 远程教育站点 section: an entry for every station the organisation hosts
     * ({@code hosted}, the registry today). An entry for a station taken off the registry since is no longer reported.
     */
    public ReportVersion submit(String by, LocalDateTime now, LocalDate dueOn, long membersOnRoll,
                                List<HostedStation> hosted) {
        requireEditable();
        requireSection(basicSituation, "report.section.basicSituation");
        requireSection(mainProblems, "report.section.mainProblems");
        requireSection(causes, "report.section.causes");
        requireSection(measures, "report.section.measures");
        if (type == ReportType.SELF_INSPECTION) {
            if (meetingOn == null || meetingAttendance == null || meetingAttendance <= 0) {
                throw new DomainException("report.meeting.required");
            }
            if (membersOnRoll > 0 && meetingAttendance > membersOnRoll) {
                throw new DomainException("report.meeting.tooMany", meetingAttendance, membersOnRoll);
            }
        }
        StationEntryPolicy.requireComplete(stations, hosted);
        this.stations.removeIf(a -> hosted.stream().noneMatch(h -> h.id() == a.getStationId()));
        this.status = ReportStatus.SUBMITTED;
        this.submittedAt = now;
        this.submittedLate = now.toLocalDate().isAfter(dueOn);
        this.returnReason = null;
        this.versionCount++;
        this.updatedBy = by;
        this.updatedAt = now;
        return new ReportVersion(this, versionCount, by, now);
    }

    public void accept(ReportVersion latest, String by, LocalDateTime now) {
        requireSubmitted();
        this.status = ReportStatus.ACCEPTED;
        this.decidedBy = by;
        this.decidedAt = now;
        latest.decide(ReportStatus.ACCEPTED, null, by, now);
    }

    public void returnForRevision(ReportVersion latest, String reason, String by, LocalDateTime now) {
        requireSubmitted();
        String why = BoundedText.REMARK.required(reason, "report.return.reason", "field.tooLong");
        this.status = ReportStatus.RETURNED;
        this.returnReason = why;
        this.decidedBy = by;
        this.decidedAt = now;
        latest.decide(ReportStatus.RETURNED, this.returnReason, by, now);
    }

    /** Attachments, like the text, change only while the report is with its writer. */
    public void requireEditable() {
        if (status == ReportStatus.ACCEPTED) {
            throw new DomainException("report.locked.accepted");
        }
        if (status == ReportStatus.SUBMITTED) {
            throw new DomainException("report.locked.submitted");
        }
    }

    private void requireSubmitted() {
        if (status != ReportStatus.SUBMITTED) {
            throw new DomainException("report.notSubmitted");
        }
    }

    private static void requireSection(String text, String code) {
        if (text == null || text.isBlank()) {
            throw new DomainException(code);
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public Long getOrganizationId() { return organizationId; }
    public ReportType getType() { return type; }
    public ReportStatus getStatus() { return status; }
    public String getBasicSituation() { return basicSituation; }
    public String getMainProblems() { return mainProblems; }
    public String getCauses() { return causes; }
    public String getMeasures() { return measures; }
    public LocalDate getMeetingOn() { return meetingOn; }
    public Integer getMeetingAttendance() { return meetingAttendance; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public boolean isSubmittedLate() { return submittedLate; }
    public String getReturnReason() { return returnReason; }
    public String getDecidedBy() { return decidedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public int getVersionCount() { return versionCount; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public List<StationAccount> getStations() { return Collections.unmodifiableList(stations); }
}
