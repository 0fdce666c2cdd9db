package cn.tierup.acceptance;

import cn.tierup.campaign.RecognitionLevel;
import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An organisation named a model (先进（示范）党组织), or a station it hosts named a 示范站点 — by which body, at which
 * level, on which day and under which document — recorded by a superior whose subtree holds it. Any day of the year:
 * honours come when they come.
 */
@Entity
@Table(name = "acceptance_recognition")
public class Recognition {

    /** The title the notice speaks of, what a record says when none is typed. */
    public static final String DEFAULT_TITLE = "先进（示范）党组织";
    /** A station's title when none is typed. */
    public static final String DEFAULT_STATION_TITLE = "远程教育示范站点";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long organizationId;
    private Long stationId;
    private Long recorderOrganizationId;
    private String title;
    @Enumerated(EnumType.STRING)
    private RecognitionLevel level;
    private LocalDate recognizedOn;
    private String issuedBy;
    private String documentNumber;
    private String recordedBy;
    private LocalDateTime recordedAt;
    private String updatedBy;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected Recognition() {
    }

    public Recognition(long organizationId, long recorderOrganizationId, RecognitionDetails details, String by,
                       LocalDateTime now) {
        this(organizationId, null, recorderOrganizationId, details, by, now);
    }

    /**
     * A recognition of an organisation, or — {@code stationId} given — of a station it hosts (示范站点): the same record
     * and the same checks, so that one rule says what a 示范 recognition is; the host stands in {@code organizationId},
     * for the scope every reader and recorder is checked against.
     */
    public Recognition(long organizationId, Long stationId, long recorderOrganizationId, RecognitionDetails details,
                       String by, LocalDateTime now) {
        this.organizationId = organizationId;
        this.stationId = stationId;
        this.recorderOrganizationId = recorderOrganizationId;
        this.recordedBy = by;
        this.recordedAt = now;
        correct(details, by, now);
    }

    /** Takes the details, checked: a level, a day not in the future, the issuing body and its document number. */
    public void correct(RecognitionDetails d, String by, LocalDateTime now) {
        if (d.level() == null) {
            throw new DomainException("acceptance.recognition.level.required");
        }
        if (d.recognizedOn() == null) {
            throw new DomainException("acceptance.recognition.date.required");
        }
        if (d.recognizedOn().isAfter(now.toLocalDate())) {
            throw new DomainException("acceptance.recognition.date.future");
        }
        String t = BoundedText.TITLE.optional(d.title(), "acceptance.recognition.title.tooLong");
        this.title = t != null ? t : stationId != null ? DEFAULT_STATION_TITLE : DEFAULT_TITLE;
        this.level = d.level();
        this.recognizedOn = d.recognizedOn();
        this.issuedBy = BoundedText.TITLE.required(d.issuedBy(), "acceptance.recognition.issuedBy.required",
                "acceptance.recognition.issuedBy.tooLong");
        this.documentNumber = new BoundedText(100).required(d.documentNumber(), "acceptance.recognition.document.required",
                "acceptance.recognition.document.tooLong");
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getOrganizationId() { return organizationId; }
    public Long getStationId() { return stationId; }
    public Long getRecorderOrganizationId() { return recorderOrganizationId; }
    public String getTitle() { return title; }
    public RecognitionLevel getLevel() { return level; }
    public LocalDate getRecognizedOn() { return recognizedOn; }
    public String getIssuedBy() { return issuedBy; }
    public String getDocumentNumber() { return documentNumber; }
    public String getRecordedBy() { return recordedBy; }
    public LocalDateTime getRecordedAt() { return recordedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
