package cn.tierup.survey;

/** 草稿 → 已提交 → 已通过, or 已提交 → 已退回 → (revised) → 已提交. */
public enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED
}
