package cn.tierup.acceptance;

/** 草稿 → 已报送 → 已通过, or 已报送 → 已退回 → (revised) → 已报送. */
public enum WorkSummaryStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED
}
