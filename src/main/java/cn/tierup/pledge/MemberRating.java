package cn.tierup.pledge;

/**
 * The residents' counted rating of one member's published pledge (党员公开承诺): how many were 满意, 基本满意 and 不满意.
 * A resident who left a member's pledge 未评价 is not counted for it. The rate counts 基本满意 as satisfied:
 * (满意 + 基本满意) ÷ those who rated it. {@code pledger} is the name as the viewer may see it (null on the public page
 * where the member did not agree to show it).
 */
public record MemberRating(long pledgeId, String pledger, long satisfied, long fairly, long dissatisfied) {

    public long ratings() {
        return new cn.tierup.shared.SatisfactionRate(satisfied, fairly, dissatisfied).ratings();
    }

    public java.math.BigDecimal satisfactionRate() {
        return new cn.tierup.shared.SatisfactionRate(satisfied, fairly, dissatisfied).percent();
    }
}
