package cn.tierup.upgrade;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/** A progress note on a ledger item, with the evidence file attached to it if any. */
@Entity
@Table(name = "rectification_note")
public class RectificationNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String note;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String storageKey;
    private String writtenBy;
    private LocalDateTime writtenAt;

    protected RectificationNote() {
    }

    RectificationNote(String note, String fileName, String contentType, Long size, String storageKey, String by,
                      LocalDateTime at) {
        this.note = note;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = size;
        this.storageKey = storageKey;
        this.writtenBy = by;
        this.writtenAt = at;
    }

    public boolean evidence() {
        return storageKey != null;
    }

    public Long getId() { return id; }
    public String getNote() { return note; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public String getStorageKey() { return storageKey; }
    public String getWrittenBy() { return writtenBy; }
    public LocalDateTime getWrittenAt() { return writtenAt; }
}
