package cn.tierup.pledge;

import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One numbered item of a pledge and how far it is fulfilled. Changed only through its {@link Pledge}. */
@Entity
@Table(name = "pledge_item")
public class PledgeItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int number;
    private String text;
    @Enumerated(EnumType.STRING)
    private ItemSource source;
    @Enumerated(EnumType.STRING)
    private Fulfilment status = Fulfilment.PLEDGED;
    private String evidence;
    private LocalDate doneOn;
    private String updatedBy;
    private LocalDateTime updatedAt;

    protected PledgeItem() {
    }

    PledgeItem(int number, String text, ItemSource source) {
        this.number = number;
        this.text = text;
        this.source = source;
    }

    void renumber(int n) {
        this.number = n;
    }

    void fulfil(Fulfilment s, String evidenceText, LocalDate on, String by, LocalDateTime now) {
        this.status = s;
        this.evidence = evidenceText;
        this.doneOn = on;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public int getNumber() { return number; }
    public String getText() { return text; }
    public ItemSource getSource() { return source; }
    public Fulfilment getStatus() { return status; }
    public String getEvidence() { return evidence; }
    public LocalDate getDoneOn() { return doneOn; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
}
