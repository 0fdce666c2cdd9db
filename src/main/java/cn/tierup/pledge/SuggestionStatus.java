package cn.tierup.pledge;

/** 待处理, 已采纳 (became a pledge item), 未采纳. */
public enum SuggestionStatus {
    PENDING, TAKEN, REJECTED
}
