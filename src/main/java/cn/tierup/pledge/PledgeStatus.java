package cn.tierup.pledge;

/** 草稿, 待签订, 已签订 (目标责任书), 已退回. Publication is a date on a signed pledge. */
public enum PledgeStatus {
    DRAFT, SUBMITTED, SIGNED, RETURNED
}
