package cn.tierup.survey;

/**
 * Which report an organisation owes in the survey: one with organisations under it (a town, a system
 * committee, a 党总支 with branches) writes the 专题调研报告 over its subtree; one without writes the
 * 自查报告. The campaign's root (the city's 组织部) receives them all and writes the city-wide 专题调研报告 over the
 * whole tree, as the notice asks (市委组织部形成……全市基层党组织运行现状的专题调研报告); handing it in is final,
 * since no organisation above the root takes part to review it.
 */
public final class ReportDuty {

    private ReportDuty() {
    }

    public static ReportType owedBy(boolean isCampaignRoot, long activeChildren) {
        if (isCampaignRoot) {
            return ReportType.RESEARCH;
        }
        return activeChildren > 0 ? ReportType.RESEARCH : ReportType.SELF_INSPECTION;
    }
}
