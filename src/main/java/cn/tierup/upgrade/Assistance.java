package cn.tierup.upgrade;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 帮扶 of one organisation: a pairing with a stronger organisation, or a leader's contact point, or a
 * stationed cadre — the helper is an organisation for a pairing and a named person otherwise — with the
 * visits recorded as they happen.
 */
@Entity
@Table(name = "assistance")
public class Assistance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long organizationId;
    @Enumerated(EnumType.STRING)
    private AssistanceKind kind;
    private Long helperOrganizationId;
    private String helperName;
    private String helperPost;
    private LocalDate startedOn;
    private String note;
    private String createdBy;
    private LocalDateTime createdAt;
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "assistance_id", nullable = false)
    @OrderBy("visitedOn, id")
    private List<AssistanceVisit> visits = new ArrayList<>();

    protected Assistance() {
    }

    public Assistance(long campaignId, long organizationId, AssistanceKind kind, Long helperOrganizationId,
                      String helperName, String helperPost, LocalDate startedOn, String note, String by,
                      LocalDateTime now) {
        if (kind == null) {
            throw new DomainException("assist.kind");
        }
        if (kind.byOrganisation()) {
            if (helperOrganizationId == null) {
                throw new DomainException("assist.helperOrg");
            }
            if (helperOrganizationId == organizationId) {
                throw new DomainException("assist.self");
            }
        } else {
            BoundedText.PERSON_NAME.required(helperName, "assist.helperName");
        }
        BoundedText.NAME.optional(helperPost, "field.tooLong");
        BoundedText.REASON.optional(note, "field.tooLong");
        if (startedOn == null || startedOn.isAfter(now.toLocalDate())) {
            throw new DomainException("assist.started");
        }
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.kind = kind;
        this.helperOrganizationId = kind.byOrganisation() ? helperOrganizationId : null;
        this.helperName = kind.byOrganisation() ? null : helperName.strip();
        this.helperPost = helperPost == null || helperPost.isBlank() ? null : helperPost.strip();
        this.startedOn = startedOn;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.createdBy = by;
        this.createdAt = now;
    }

    public AssistanceVisit recordVisit(LocalDate on, String visitor, String what, String by, LocalDateTime now) {
        if (on == null || on.isAfter(now.toLocalDate()) || on.isBefore(startedOn)) {
            throw new DomainException("assist.visitDate", startedOn);
        }
        BoundedText.PERSON_NAME.required(visitor, "assist.visitor");
        BoundedText.TEXT.required(what, "assist.what");
        AssistanceVisit v = new AssistanceVisit(on, visitor.strip(), what.strip(), by, now);
        visits.add(v);
        return v;
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getOrganizationId() { return organizationId; }
    public AssistanceKind getKind() { return kind; }
    public Long getHelperOrganizationId() { return helperOrganizationId; }
    public String getHelperName() { return helperName; }
    public String getHelperPost() { return helperPost; }
    public LocalDate getStartedOn() { return startedOn; }
    public String getNote() { return note; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public List<AssistanceVisit> getVisits() { return List.copyOf(visits); }
}
