package cn.tierup.survey;

/** 自查报告 (a grassroots organisation's own) or 专题调研报告 (a superior's, over its subtree). */
public enum ReportType {
    SELF_INSPECTION, RESEARCH
}
