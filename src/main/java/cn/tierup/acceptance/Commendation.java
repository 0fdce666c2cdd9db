package cn.tierup.acceptance;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One 表彰: who a superior ({@code awardedBy}) honoured in a campaign's year — an organisation, or a person on the roll
 * of {@code organizationId} — with the honour's level, date, document number (文号) and citation (事迹). Whether the
 * honoured may be commended at all is {@link CommendationPolicy}'s question, asked before this is made or corrected;
 * this keeps what must hold of the record itself. Withdrawn (撤销) with a reason, never deleted.
 */
@Entity
@Table(name = "acceptance_commendation")
public class Commendation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    @Column(name = "awarded_by_organization_id")
    private long awardedBy;
    @Enumerated(EnumType.STRING)
    private CommendationKind kind;
    private long organizationId;
    private Long memberId;
    private String memberName;
    @Enumerated(EnumType.STRING)
    @Column(name = "honour_level")
    private CommendationLevel level;
    private LocalDate awardedOn;
    private String documentNumber;
    private String citation;
    private String withdrawnReason;
    private String withdrawnBy;
    private LocalDateTime withdrawnAt;
    private String createdBy;
    private LocalDateTime createdAt;
    private String updatedBy;
    private LocalDateTime updatedAt;
    @Version
    private long version;

    protected Commendation() {
    }

    /** What is honoured, as the policy checked it: the organisation, and for a person their id and name. */
    public record Honoured(CommendationKind kind, long organizationId, Long memberId, String memberName) {
    }

    /** The facts typed about the honour. */
    public record Particulars(CommendationLevel level, LocalDate awardedOn, String documentNumber, String citation) {
    }

    public Commendation(long campaignId, long awardedBy, Honoured honoured, Particulars particulars, String by,
                        LocalDateTime now) {
        this.campaignId = campaignId;
        this.awardedBy = awardedBy;
        this.createdBy = by;
        this.createdAt = now;
        apply(honoured, particulars, by, now);
    }

    /** Corrects what was recorded (who, which honour, its particulars); the policy has checked the new honoured. */
    public void correct(Honoured honoured, Particulars particulars, long expectedVersion, String by, LocalDateTime now) {
        if (expectedVersion != version) {
            throw new cn.tierup.shared.StaleRecordException();
        }
        if (withdrawn()) {
            throw new DomainException("acceptance.commendation.withdrawn");
        }
        apply(honoured, particulars, by, now);
    }

    public void withdraw(String reason, long expectedVersion, String by, LocalDateTime now) {
        if (expectedVersion != version) {
            throw new cn.tierup.shared.StaleRecordException();
        }
        if (withdrawn()) {
            throw new DomainException("acceptance.commendation.withdrawn");
        }
        this.withdrawnReason = BoundedText.REMARK.required(reason, "acceptance.commendation.withdrawReason",
                "acceptance.commendation.tooLong");
        this.withdrawnBy = by;
        this.withdrawnAt = now;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    private void apply(Honoured honoured, Particulars p, String by, LocalDateTime now) {
        if (honoured == null || honoured.kind() == null) {
            throw new DomainException("acceptance.commendation.kind");
        }
        if (p.level() == null) {
            throw new DomainException("acceptance.commendation.level");
        }
        if (p.awardedOn() == null) {
            throw new DomainException("acceptance.commendation.date");
        }
        String number = BoundedText.NAME.required(p.documentNumber(), "acceptance.commendation.documentNumber",
                "acceptance.commendation.tooLong");
        String text = BoundedText.REASON.required(p.citation(), "acceptance.commendation.citation",
                "acceptance.commendation.tooLong");
        this.kind = honoured.kind();
        this.organizationId = honoured.organizationId();
        this.memberId = honoured.kind().honoursPerson() ? honoured.memberId() : null;
        this.memberName = honoured.kind().honoursPerson() ? honoured.memberName() : null;
        this.level = p.level();
        this.awardedOn = p.awardedOn();
        this.documentNumber = number;
        this.citation = text;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** What the audit trail keeps of it. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name());
        m.put("organizationId", organizationId);
        m.put("memberId", memberId);
        m.put("memberName", memberName);
        m.put("level", level.name());
        m.put("awardedOn", String.valueOf(awardedOn));
        m.put("documentNumber", documentNumber);
        m.put("citation", citation);
        m.put("withdrawnReason", withdrawnReason);
        return m;
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getAwardedBy() { return awardedBy; }
    public CommendationKind getKind() { return kind; }
    public long getOrganizationId() { return organizationId; }
    public Long getMemberId() { return memberId; }
    public String getMemberName() { return memberName; }
    public CommendationLevel getLevel() { return level; }
    public LocalDate getAwardedOn() { return awardedOn; }
    public String getDocumentNumber() { return documentNumber; }
    public String getCitation() { return citation; }
    public String getWithdrawnReason() { return withdrawnReason; }
    public String getWithdrawnBy() { return withdrawnBy; }
    public LocalDateTime getWithdrawnAt() { return withdrawnAt; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
