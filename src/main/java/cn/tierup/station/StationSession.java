package cn.tierup.station;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.StaleRecordException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One 学习活动 held at a station: the day, the topic, what kind of session, and who came — 党员 and 群众 counted apart.
 * A session is held by somebody: at least one person, and no more than {@link #MAX_ATTENDANCE} (beyond that the count
 * is a typing error, not a session at a village's terminal). Not before the station opened, not ahead of today.
 */
@Entity
@Table(name = "station_session")
public class StationSession {

    /** The most people one session can have counted, 党员 and 群众 together. */
    public static final int MAX_ATTENDANCE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long stationId;
    private LocalDate heldOn;
    private String topic;
    @Enumerated(EnumType.STRING)
    private SessionKind kind;
    private int partyMembers;
    private int publicAttendees;
    private String createdBy;
    private LocalDateTime createdAt;
    private String updatedBy;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected StationSession() {
    }

    /** What is typed about a session. */
    public record Particulars(LocalDate heldOn, String topic, SessionKind kind, Integer partyMembers,
                              Integer publicAttendees) {
    }

    public StationSession(Station station, Particulars p, String by, LocalDateTime now) {
        if (station.retired()) {
            throw new DomainException("station.retired");
        }
        this.stationId = station.getId();
        this.createdBy = by;
        this.createdAt = now;
        apply(station, p, by, now);
    }

    public void correct(Station station, Particulars p, long expectedVersion, String by, LocalDateTime now) {
        if (expectedVersion != version) {
            throw new StaleRecordException();
        }
        apply(station, p, by, now);
    }

    private void apply(Station station, Particulars p, String by, LocalDateTime now) {
        if (p == null || p.heldOn() == null) {
            throw new DomainException("station.session.heldOn");
        }
        if (p.heldOn().isAfter(now.toLocalDate())) {
            throw new DomainException("station.session.heldOn.future");
        }
        if (p.heldOn().isBefore(station.getOpenedOn())) {
            throw new DomainException("station.session.heldOn.beforeOpened", station.getOpenedOn());
        }
        this.topic = BoundedText.TITLE.required(p.topic(), "station.session.topic");
        if (p.kind() == null) {
            throw new DomainException("station.session.kind");
        }
        int members = p.partyMembers() == null ? 0 : p.partyMembers();
        int publicCount = p.publicAttendees() == null ? 0 : p.publicAttendees();
        if (members < 0 || publicCount < 0) {
            throw new DomainException("station.session.attendance.negative");
        }
        long total = (long) members + publicCount;
        if (total == 0 || total > MAX_ATTENDANCE) {
            throw new DomainException("station.session.attendance.range", MAX_ATTENDANCE);
        }
        this.heldOn = p.heldOn();
        this.kind = p.kind();
        this.partyMembers = members;
        this.publicAttendees = publicCount;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public int attendance() {
        return partyMembers + publicAttendees;
    }

    public Long getId() { return id; }
    public long getStationId() { return stationId; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getTopic() { return topic; }
    public SessionKind getKind() { return kind; }
    public int getPartyMembers() { return partyMembers; }
    public int getPublicAttendees() { return publicAttendees; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
