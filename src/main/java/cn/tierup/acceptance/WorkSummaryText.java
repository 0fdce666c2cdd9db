package cn.tierup.acceptance;

/** The parts of a 工作总结 its writer types: 主要成绩和经验, 存在问题, 下步打算 — never a figure. A part left null stays as it was. */
public record WorkSummaryText(String achievements, String problems, String plans, Long version) {

    /** The only properties a request about a 工作总结 may carry: anything else would be a typed figure. */
    public static final java.util.Set<String> FIELDS = java.util.Set.of("achievements", "problems", "plans", "version");
}
