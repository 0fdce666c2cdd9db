package cn.tierup.organization;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;

/** A person's term in a post of an organisation's leadership; ended terms stay as the adjustment history. */
@Entity
@Table(name = "leadership_post")
public class LeadershipPost {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long organizationId;
    private String personName;
    @Enumerated(EnumType.STRING)
    private Post post;
    private LocalDate startedOn;
    private LocalDate endedOn;
    private String endReason;
    @Version
    private long version;

    protected LeadershipPost() {
    }

    public LeadershipPost(long organizationId, String personName, Post post, LocalDate startedOn, LocalDate today) {
        BoundedText.PERSON_NAME.required(personName, "leadership.name");
        if (post == null) {
            throw new DomainException("leadership.post");
        }
        if (startedOn == null || startedOn.isAfter(today)) {
            throw new DomainException("leadership.started");
        }
        this.organizationId = organizationId;
        this.personName = personName.strip();
        this.post = post;
        this.startedOn = startedOn;
    }

    /** Ends the term (换届, 调整, 免职…) on a day no earlier than it began, with the reason. */
    public void end(LocalDate on, String reason, LocalDate today) {
        if (endedOn != null) {
            throw new DomainException("leadership.ended");
        }
        if (on == null || on.isBefore(startedOn) || on.isAfter(today)) {
            throw new DomainException("leadership.endDate");
        }
        BoundedText.TITLE.required(reason, "leadership.reason");
        this.endedOn = on;
        this.endReason = reason.strip();
    }

    public boolean current() {
        return endedOn == null;
    }

    public Long getId() { return id; }
    public Long getOrganizationId() { return organizationId; }
    public String getPersonName() { return personName; }
    public Post getPost() { return post; }
    public LocalDate getStartedOn() { return startedOn; }
    public LocalDate getEndedOn() { return endedOn; }
    public String getEndReason() { return endReason; }
    public long getVersion() { return version; }
}
