package cn.tierup.pledge;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A 承诺书: the organisation's (no member) or one member's. Written while a draft (or returned), handed
 * in, signed one level up as a 目标责任书 — the organisation's by its authority, a member's by the
 * branch — and then published. Once signed its items are fixed; what changes is their fulfilment.
 */
@Entity
@Table(name = "pledge")
public class Pledge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long boardId;
    private Long memberId;
    private String pledgerName;
    private boolean showName;
    private String goal;
    @Enumerated(EnumType.STRING)
    private PledgeStatus status = PledgeStatus.DRAFT;
    private String returnReason;
    private String submittedBy;
    private LocalDateTime submittedAt;
    private String signedBy;
    private LocalDateTime signedAt;
    private LocalDateTime publishedAt;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "pledge_id", nullable = false)
    @OrderBy("number")
    private List<PledgeItem> items = new ArrayList<>();

    protected Pledge() {
    }

    /** The organisation's 承诺书 when {@code memberId} is null, else the member's. */
    public Pledge(long boardId, Long memberId, String pledgerName, LocalDateTime now) {
        this.boardId = boardId;
        this.memberId = memberId;
        this.pledgerName = pledgerName;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean organisation() {
        return memberId == null;
    }

    /** Rewrites goal and items (kept in order; a suggested item keeps its origin when its text is kept). */
    public void write(String newGoal, List<String> texts, boolean show, LocalDateTime now) {
        requireDraft();
        BoundedText.TEXT.optional(newGoal, "field.tooLong");
        List<String> clean = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                clean.add(PledgePolicy.item(t, clean.size() + 1));
            }
        }
        if (clean.size() > PledgePolicy.MAX_ITEMS) {
            throw new DomainException("pledge.tooMany", PledgePolicy.MAX_ITEMS);
        }
        List<PledgeItem> kept = new ArrayList<>();
        for (String t : clean) {
            PledgeItem same = items.stream().filter(i -> i.getText().equals(t) && !kept.contains(i)).findFirst().orElse(null);
            kept.add(same != null ? same : new PledgeItem(0, t, ItemSource.OWN));
        }
        items.clear();
        for (int i = 0; i < kept.size(); i++) {
            kept.get(i).renumber(i + 1);
            items.add(kept.get(i));
        }
        this.goal = newGoal == null || newGoal.isBlank() ? null : newGoal.strip();
        this.showName = show;
        this.updatedAt = now;
    }

    /** 群众点诺 taken up: the suggestion becomes the last item. */
    public PledgeItem take(String suggestion, LocalDateTime now) {
        requireDraft();
        if (items.size() >= PledgePolicy.MAX_ITEMS) {
            throw new DomainException("pledge.tooMany", PledgePolicy.MAX_ITEMS);
        }
        PledgeItem i = new PledgeItem(items.size() + 1, PledgePolicy.item(suggestion, items.size() + 1), ItemSource.SUGGESTED);
        items.add(i);
        this.updatedAt = now;
        return i;
    }

    public void submit(String by, LocalDateTime now) {
        requireDraft();
        PledgePolicy.checkHandIn(organisation(), goal, items.stream().map(PledgeItem::getText).toList());
        this.status = PledgeStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    /** Signed one level up; the organisation's is never signed by whoever handed it in. */
    public void sign(String by, LocalDateTime now) {
        requireSubmitted();
        if (organisation() && by != null && by.equals(submittedBy)) {
            throw new DomainException("pledge.ownSign");
        }
        this.status = PledgeStatus.SIGNED;
        this.returnReason = null;
        this.signedBy = by;
        this.signedAt = now;
        this.updatedAt = now;
    }

    public void returnForRevision(String reason, String by, LocalDateTime now) {
        requireSubmitted();
        if (organisation() && by != null && by.equals(submittedBy)) {
            throw new DomainException("pledge.ownSign");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("pledge.returnReason");
        }
        this.status = PledgeStatus.RETURNED;
        this.returnReason = BoundedText.REASON.clip(reason);
        this.updatedAt = now;
    }

    void publish(LocalDateTime now) {
        if (status != PledgeStatus.SIGNED) {
            throw new DomainException("pledge.notSigned");
        }
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    /** 践诺 of one item, once the pledge is signed. */
    public PledgeItem fulfil(int number, Fulfilment s, String evidence, LocalDate on, String by, LocalDateTime now) {
        if (status != PledgeStatus.SIGNED) {
            throw new DomainException("pledge.notSigned");
        }
        PledgeItem i = items.stream().filter(x -> x.getNumber() == number).findFirst()
                .orElseThrow(() -> new DomainException("pledge.noItem", number));
        PledgePolicy.checkFulfilment(s, evidence, on, now.toLocalDate());
        i.fulfil(s, evidence == null || evidence.isBlank() ? null : evidence.strip(), s.settled() ? on : null, by, now);
        this.updatedAt = now;
        return i;
    }

    private void requireDraft() {
        if (status != PledgeStatus.DRAFT && status != PledgeStatus.RETURNED) {
            throw new DomainException("pledge.notEditable");
        }
    }

    private void requireSubmitted() {
        if (status != PledgeStatus.SUBMITTED) {
            throw new DomainException("pledge.notSubmitted");
        }
    }

    public Long getId() { return id; }
    public long getBoardId() { return boardId; }
    public Long getMemberId() { return memberId; }
    public String getPledgerName() { return pledgerName; }
    public boolean isShowName() { return showName; }
    public String getGoal() { return goal; }
    public PledgeStatus getStatus() { return status; }
    public String getReturnReason() { return returnReason; }
    public String getSubmittedBy() { return submittedBy; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public String getSignedBy() { return signedBy; }
    public LocalDateTime getSignedAt() { return signedAt; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public List<PledgeItem> getItems() { return List.copyOf(items); }
}
