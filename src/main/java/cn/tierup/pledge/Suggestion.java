package cn.tierup.pledge;

import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A resident's suggestion of what the organisation should pledge (群众点诺): plain text and the day,
 * nothing about who sent it; it waits in the moderation queue until taken up or set aside.
 */
@Entity
@Table(name = "pledge_suggestion")
public class Suggestion {

    public static final int MAX_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long boardId;
    private String text;
    @Enumerated(EnumType.STRING)
    private SuggestionStatus status = SuggestionStatus.PENDING;
    private LocalDate submittedOn;
    private String moderatedBy;
    private LocalDateTime moderatedAt;

    protected Suggestion() {
    }

    public Suggestion(long boardId, String text, LocalDate on) {
        String t = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        if (t.isEmpty()) {
            throw new DomainException("suggestion.empty");
        }
        if (t.length() > MAX_LENGTH) {
            throw new DomainException("suggestion.tooLong", MAX_LENGTH);
        }
        this.boardId = boardId;
        this.text = t;
        this.submittedOn = on;
    }

    void moderate(SuggestionStatus to, String by, LocalDateTime now) {
        if (status != SuggestionStatus.PENDING) {
            throw new DomainException("suggestion.done");
        }
        this.status = to;
        this.moderatedBy = by;
        this.moderatedAt = now;
    }

    public Long getId() { return id; }
    public long getBoardId() { return boardId; }
    public String getText() { return text; }
    public SuggestionStatus getStatus() { return status; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public String getModeratedBy() { return moderatedBy; }
    public LocalDateTime getModeratedAt() { return moderatedAt; }
}
