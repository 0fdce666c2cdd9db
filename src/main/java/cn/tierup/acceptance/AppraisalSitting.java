package cn.tierup.acceptance;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 党员群众民主测评 sitting (测评会): held by a grading authority, or a superior above it, on a day at a place, with the
 * 应到/实到 of 党员 and 群众代表, rating the self-reviews of the organisations on its list 满意/基本满意/不满意 — on paper
 * (the tally entered, corrected until confirmed) or on phones (one printed code per person present; the ballot module
 * keeps the votes sealed, this sitting keeps only its link). Counted, it holds each organisation's totals for good.
 */
@Entity
@Table(name = "acceptance_appraisal")
public class AppraisalSitting {

    /** The most codes one phone sitting prints. */
    public static final int MAX_CODES = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long holderOrganizationId;
    private LocalDate heldOn;
    private String place;
    private int membersExpected;
    private int membersPresent;
    private int publicExpected;
    private int publicPresent;
    @Enumerated(EnumType.STRING)
    private AppraisalMode mode;
    @Enumerated(EnumType.STRING)
    private AppraisalStatus status;
    private Integer ballotsIssued;
    private Integer ballotsReturned;
    private String ballotSlug;
    private LocalDateTime countedAt;
    private String countedBy;
    private String voidReason;
    private String createdBy;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "acceptance_appraisal_line", joinColumns = @JoinColumn(name = "appraisal_id"))
    @OrderColumn(name = "position")
    private List<AppraisalLine> lines = new ArrayList<>();

    protected AppraisalSitting() {
    }

    /** A sitting of the organisations {@code rated} (id → name, in the list's order), already checked eligible. */
    public AppraisalSitting(long campaignId, long holderOrganizationId, LocalDate heldOn, String place, Integer membersExpected,
                            Integer membersPresent, Integer publicExpected, Integer publicPresent, AppraisalMode mode,
                            Map<Long, String> rated, String by, LocalDateTime now) {
        AppraisalPolicy.checkSitting(heldOn, place, membersExpected, membersPresent, publicExpected, publicPresent,
                now.toLocalDate());
        if (mode == null) {
            throw new DomainException("acceptance.appraisal.mode");
        }
        if (rated.isEmpty()) {
            throw new DomainException("acceptance.appraisal.subjects.none");
        }
        // one printed code per person present: a sheet of codes, not a print run
        if (mode == AppraisalMode.PHONE && membersPresent + publicPresent > MAX_CODES) {
            throw new DomainException("acceptance.appraisal.codes", membersPresent + publicPresent, MAX_CODES);
        }
        this.campaignId = campaignId;
        this.holderOrganizationId = holderOrganizationId;
        this.heldOn = heldOn;
        this.place = BoundedText.TITLE.required(place, "acceptance.appraisal.place");
        this.membersExpected = membersExpected;
        this.membersPresent = membersPresent;
        this.publicExpected = publicExpected;
        this.publicPresent = publicPresent;
        this.mode = mode;
        this.status = mode == AppraisalMode.PAPER ? AppraisalStatus.ENTERING : AppraisalStatus.VOTING;
        rated.forEach((id, name) -> lines.add(new AppraisalLine(id, name)));
        this.createdBy = by;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Everybody present: each gets one paper sheet or one printed code. */
    public int present() {
        return membersPresent + publicPresent;
    }

    /** The list as id → name, in its order. */
    public Map<Long, String> listed() {
        Map<Long, String> m = new LinkedHashMap<>();
        lines.forEach(l -> m.put(l.getOrganizationId(), l.getOrganizationName()));
        return m;
    }

    /** Enters (or corrects) the paper count; refused unless it adds up, and once the sitting is confirmed. */
    public void enterTally(AppraisalTally t, LocalDateTime now) {
        requirePaperEntering();
        AppraisalPolicy.checkTally(t, present(), listed());
        ballotsIssued = t.issued();
        ballotsReturned = t.returned();
        for (AppraisalTally.Line l : t.lines()) {
            line(l.organizationId()).tally(l.satisfied(), l.fairlySatisfied(), l.dissatisfied(), l.invalid());
        }
        updatedAt = now;
    }

    /** Confirms the paper count: from now on its totals count in the organisations' results and cannot change. */
    public void confirm(String by, LocalDateTime now) {
        requirePaperEntering();
        if (ballotsReturned == null) {
            throw new DomainException("acceptance.appraisal.tally.notEntered");
        }
        counted(by, now);
    }

    /** The phone ballot that records this sitting's votes, just opened. */
    public void phoneBallotOpened(String slug) {
        if (mode != AppraisalMode.PHONE || status != AppraisalStatus.VOTING || ballotSlug != null) {
            throw new DomainException("acceptance.appraisal.notVoting");
        }
        this.ballotSlug = slug;
    }

    /** The running phone ballot, for counting or voiding; refused when there is none. */
    public String runningBallot() {
        if (mode != AppraisalMode.PHONE || status != AppraisalStatus.VOTING || ballotSlug == null) {
            throw new DomainException("acceptance.appraisal.notVoting");
        }
        return ballotSlug;
    }

    /**
     * The phone ballot's count: codes printed and spent, and per organisation in the list's order 满意/基本满意/不满意;
     * votes the key could not open count as 无效 on every line.
     */
    public void phoneCounted(int issued, int spent, List<int[]> byLine, int unreadable, String by, LocalDateTime now) {
        runningBallot();
        ballotsIssued = issued;
        ballotsReturned = spent;
        for (int i = 0; i < lines.size(); i++) {
            int[] c = byLine.get(i);
            lines.get(i).tally(c[0], c[1], c[2], unreadable);
        }
        counted(by, now);
    }

    /** Sets aside an uncounted sitting with the reason; nothing of it counts. */
    public void voidSitting(String reason, LocalDateTime now) {
        if (status == AppraisalStatus.COUNTED || status == AppraisalStatus.VOIDED) {
            throw new DomainException("acceptance.appraisal.void.counted");
        }
        this.voidReason = BoundedText.REASON.required(reason, "acceptance.appraisal.void.reason");
        this.status = AppraisalStatus.VOIDED;
        this.updatedAt = now;
    }

    private void counted(String by, LocalDateTime now) {
        status = AppraisalStatus.COUNTED;
        countedBy = by;
        countedAt = now;
        updatedAt = now;
    }

    private void requirePaperEntering() {
        if (mode != AppraisalMode.PAPER) {
            throw new DomainException("acceptance.appraisal.notPaper");
        }
        if (status != AppraisalStatus.ENTERING) {
            throw new DomainException("acceptance.appraisal.closed");
        }
    }

    private AppraisalLine line(long organizationId) {
        return lines.stream().filter(l -> l.getOrganizationId() == organizationId).findFirst()
                .orElseThrow(() -> new DomainException("acceptance.appraisal.tally.unlisted"));
    }

    public Long getId() { return id; }
    public long getCampaignId() { return campaignId; }
    public long getHolderOrganizationId() { return holderOrganizationId; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getPlace() { return place; }
    public int getMembersExpected() { return membersExpected; }
    public int getMembersPresent() { return membersPresent; }
    public int getPublicExpected() { return publicExpected; }
    public int getPublicPresent() { return publicPresent; }
    public AppraisalMode getMode() { return mode; }
    public AppraisalStatus getStatus() { return status; }
    public Integer getBallotsIssued() { return ballotsIssued; }
    public Integer getBallotsReturned() { return ballotsReturned; }
    public String getBallotSlug() { return ballotSlug; }
    public LocalDateTime getCountedAt() { return countedAt; }
    public String getCountedBy() { return countedBy; }
    public String getVoidReason() { return voidReason; }
    public String getCreatedBy() { return createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
    public List<AppraisalLine> getLines() { return List.copyOf(lines); }
}
