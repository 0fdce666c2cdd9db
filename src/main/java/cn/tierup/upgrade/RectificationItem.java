package cn.tierup.upgrade;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of the 整改台账 of an organisation or of a 远程教育站点 it hosts: the problem, the measure, who answers for it and by when. Progress notes (with
 * evidence files) are added while it is open; the authority closes it (销号) only on evidence — at
 * least one note with a file — or sends it back with a reason. "每实现一项，销号一项".
 */
@Entity
@Table(name = "rectification_item")
public class RectificationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long organizationId;
    /** The hosted station whose ledger the line is in; null for the organisation's own. */
    private Long stationId;
    private int number;
    private String problem;
    private String measure;
    private String responsible;
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private ItemStatus status = ItemStatus.OPEN;
    private String returnReason;
    private String createdBy;
    private LocalDateTime createdAt;
    private String closedBy;
    private LocalDateTime closedAt;
    private String closeRemark;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "item_id", nullable = false)
    @OrderBy("id")
    private List<RectificationNote> notes = new ArrayList<>();

    protected RectificationItem() {
    }

    public RectificationItem(long campaignId, long organizationId, int number, String problem, String measure,
                             String responsible, LocalDate deadline, int year, String by, LocalDateTime now) {
        this(campaignId, organizationId, null, number, problem, measure, responsible, deadline, year, by, now);
    }

    /** A line of the organisation's ledger ({@code stationId} null) or of a station it hosts. */
    public RectificationItem(long campaignId, long organizationId, Long stationId, int number, String problem, String measure,
                             String responsible, LocalDate deadline, int year, String by, LocalDateTime now) {
        this.campaignId = campaignId;
        this.organizationId = organizationId;
        this.stationId = stationId;
        this.number = number;
        this.createdBy = by;
        this.createdAt = now;
        revise(problem, measure, responsible, deadline, year);
    }

    /** Changes the line's wording or deadline while it is open. */
    public void revise(String newProblem, String newMeasure, String newResponsible, LocalDate newDeadline, int year) {
        requireOpen();
        BoundedText.REASON.required(newProblem, "item.problem");
        BoundedText.TEXT.required(newMeasure, "item.measure");
        BoundedText.PERSON_NAME.required(newResponsible, "item.responsible");
        if (newDeadline == null || newDeadline.getYear() < year || newDeadline.getYear() > year + 1) {
            throw new DomainException("item.deadline", String.valueOf(year));
        }
        this.problem = newProblem.strip();
        this.measure = newMeasure.strip();
        this.responsible = newResponsible.strip();
        this.deadline = newDeadline;
    }

    public RectificationNote addNote(String text, String fileName, String contentType, Long size, String storageKey,
                                     String by, LocalDateTime now) {
        requireOpen();
        BoundedText.TEXT.required(text, "item.note");
        RectificationNote n = new RectificationNote(text.strip(), fileName, contentType, size, storageKey, by, now);
        notes.add(n);
        return n;
    }

    /** 销号, by the authority: refused without evidence, and to whoever put the line in the ledger. */
    public void close(String remark, String by, LocalDateTime now) {
        requireOpen();
        if (notes.stream().noneMatch(RectificationNote::evidence)) {
            throw new DomainException("item.noEvidence");
        }
        if (by != null && by.equals(createdBy)) {
            throw new DomainException("item.ownClose");
        }
        this.status = ItemStatus.CLOSED;
        this.closeRemark = remark == null || remark.isBlank() ? null : remark.strip();
        this.closedBy = by;
        this.closedAt = now;
        this.returnReason = null;
    }

    /** The authority is not satisfied by the evidence: the line stays open with the reason. */
    public void sendBack(String reason) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new DomainException("item.returnReason");
        }
        this.returnReason = BoundedText.REASON.clip(reason);
    }

    public boolean overdue(LocalDate today) {
        return status == ItemStatus.OPEN && today.isAfter(deadline);
    }

    private void requireOpen() {
        if (status != ItemStatus.OPEN) {
            throw new DomainException("item.closed");
        }
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getOrganizationId() { return organizationId; }
    public Long getStationId() { return stationId; }
    public int getNumber() { return number; }
    public String getProblem() { return problem; }
    public String getMeasure() { return measure; }
    public String getResponsible() { return responsible; }
    public LocalDate getDeadline() { return deadline; }
    public ItemStatus getStatus() { return status; }
    public String getReturnReason() { return returnReason; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getClosedBy() { return closedBy; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public String getCloseRemark() { return closeRemark; }
    public long getVersion() { return version; }
    public List<RectificationNote> getNotes() { return List.copyOf(notes); }
}
