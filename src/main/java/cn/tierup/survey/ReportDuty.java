package cn.tierup.survey;

/**
 * Which report an organisation owes in the survey: one with organisations under it (a town, a system
 * committee, a 党总支 with branches) writes the 专题调研报告 over its subtree; one without writes the
 * 自查报告. The campaign's root receives reports and owes none.
 */
public final class ReportDuty {

    private ReportDuty() {
    }

    public static ReportType owedBy(boolean isCampaignRoot, long activeChildren) {
        if (isCampaignRoot) {
            return null;
        }
        return activeChildren > 0 ? ReportType.RESEARCH : ReportType.SELF_INSPECTION;
    }
}
