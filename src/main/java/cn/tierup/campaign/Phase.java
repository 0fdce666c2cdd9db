package cn.tierup.campaign;

/** 现状大调查, 对标定级, 晋位升级, 总结验收 — in this order. */
public enum Phase {
    SURVEY, GRADING, UPGRADE, ACCEPTANCE
}
