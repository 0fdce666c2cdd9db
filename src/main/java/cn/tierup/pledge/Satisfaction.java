package cn.tierup.pledge;

/** 满意, 基本满意, 不满意; the satisfaction rate counts the first two. */
public enum Satisfaction {
    SATISFIED, FAIRLY_SATISFIED, DISSATISFIED
}
