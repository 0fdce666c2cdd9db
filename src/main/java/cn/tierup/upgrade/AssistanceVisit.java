package cn.tierup.upgrade;

import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A visit of the helper: when, who came, what was done. */
@Entity
@Table(name = "assistance_visit")
public class AssistanceVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private LocalDate visitedOn;
    private String visitor;
    private String what;
    private String recordedBy;
    private LocalDateTime recordedAt;

    protected AssistanceVisit() {
    }

    AssistanceVisit(LocalDate visitedOn, String visitor, String what, String by, LocalDateTime at) {
        this.visitedOn = visitedOn;
        this.visitor = visitor;
        this.what = what;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public Long getId() { return id; }
    public LocalDate getVisitedOn() { return visitedOn; }
    public String getVisitor() { return visitor; }
    public String getWhat() { return what; }
    public String getRecordedBy() { return recordedBy; }
    public LocalDateTime getRecordedAt() { return recordedAt; }
}
