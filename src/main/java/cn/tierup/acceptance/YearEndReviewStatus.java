package cn.tierup.acceptance;

/** Where a year-end review stands: 草稿, 已提交 (with the authority), 被退回, 已审定. */
public enum YearEndReviewStatus {
    DRAFT, SUBMITTED, RETURNED, DECIDED
}
