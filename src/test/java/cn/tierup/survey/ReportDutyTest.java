package cn.tierup.survey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which report each organisation owes in 现状大调查, as the notice assigns them. */
class ReportDutyTest {

    @Test
    void theCampaignsRootWritesTheCityWideResearchReport() {
        assertThat(ReportDuty.owedBy(true, 40)).isEqualTo(ReportType.RESEARCH);
    }

    @Test
    void anOrganisationWithOrganisationsUnderItWritesAResearchReport() {
        assertThat(ReportDuty.owedBy(false, 9)).isEqualTo(ReportType.RESEARCH);
    }

    @Test
    void aBranchWritesItsSelfInspectionReport() {
        assertThat(ReportDuty.owedBy(false, 0)).isEqualTo(ReportType.SELF_INSPECTION);
    }
}
