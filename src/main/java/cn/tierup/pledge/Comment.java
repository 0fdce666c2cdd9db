package cn.tierup.pledge;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDateTime;

/** 领导点评: the superior's remarks on an organisation's pledges and their fulfilment. */
@Entity
@Table(name = "pledge_comment")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long boardId;
    private String text;
    private String writtenBy;
    private Long writerOrganizationId;
    private LocalDateTime writtenAt;

    protected Comment() {
    }

    public Comment(long boardId, String text, String by, Long writerOrganizationId, LocalDateTime now) {
        if (text == null || text.isBlank()) {
            throw new DomainException("comment.empty");
        }
        BoundedText.TEXT.optional(text, "field.tooLong");
        this.boardId = boardId;
        this.text = text.strip();
        this.writtenBy = by;
        this.writerOrganizationId = writerOrganizationId;
        this.writtenAt = now;
    }

    public Long getId() { return id; }
    public long getBoardId() { return boardId; }
    public String getText() { return text; }
    public String getWrittenBy() { return writtenBy; }
    public Long getWriterOrganizationId() { return writerOrganizationId; }
    public LocalDateTime getWrittenAt() { return writtenAt; }
}
