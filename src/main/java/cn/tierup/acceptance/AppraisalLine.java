package cn.tierup.acceptance;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One organisation rated at a sitting, named as it stood on the ballot, with its totals once the paper tally is
 * entered or the phone ballot counted (all null before): 满意, 基本满意, 不满意 and the ballots left blank or spoilt
 * for it (无效).
 */
@Embeddable
public class AppraisalLine {

    private long organizationId;
    private String organizationName;
    private Integer satisfied;
    private Integer fairlySatisfied;
    private Integer dissatisfied;
    @Column(name = "invalid")
    private Integer invalid;

    protected AppraisalLine() {
    }

    AppraisalLine(long organizationId, String organizationName) {
        this.organizationId = organizationId;
        this.organizationName = organizationName;
    }

    void tally(int satisfied, int fairlySatisfied, int dissatisfied, int invalid) {
        this.satisfied = satisfied;
        this.fairlySatisfied = fairlySatisfied;
        this.dissatisfied = dissatisfied;
        this.invalid = invalid;
    }

    public boolean entered() {
        return satisfied != null;
    }

    /** The ratings of this line under the product's one satisfaction rule (zero before they are entered). */
    public cn.tierup.shared.SatisfactionRate rate() {
        return entered() ? new cn.tierup.shared.SatisfactionRate(satisfied, fairlySatisfied, dissatisfied)
                : new cn.tierup.shared.SatisfactionRate(0, 0, 0);
    }

    public long getOrganizationId() { return organizationId; }
    public String getOrganizationName() { return organizationName; }
    public Integer getSatisfied() { return satisfied; }
    public Integer getFairlySatisfied() { return fairlySatisfied; }
    public Integer getDissatisfied() { return dissatisfied; }
    public Integer getInvalid() { return invalid; }
}
