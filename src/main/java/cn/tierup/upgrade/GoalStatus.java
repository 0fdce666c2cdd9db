package cn.tierup.upgrade;

/** 草稿, 待审核, 已审核, 已退回. */
public enum GoalStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED
}
