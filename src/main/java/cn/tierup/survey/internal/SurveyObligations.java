package cn.tierup.survey.internal;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Obligation;
import cn.tierup.campaign.ObligationSource;
import cn.tierup.campaign.ObligationStatus;
import cn.tierup.campaign.Phase;
import cn.tierup.survey.ReportDuty;
import cn.tierup.survey.ReportStatus;
import cn.tierup.survey.ReportType;
import cn.tierup.survey.SurveyReport;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What organisations owe in 现状大调查: the report their place in the tree calls for, and where it stands.
 * Only campaign reaches it, through the {@link ObligationSource} port, so it lives here beside the SQL it runs.
 */
@Component
class SurveyObligations implements ObligationSource {

    private final SurveyReportRepository reports;
    private final JdbcClient jdbc;

    SurveyObligations(SurveyReportRepository reports, JdbcClient jdbc) {
        this.reports = reports;
        this.jdbc = jdbc;
    }

    @Override
    public Phase phase() {
        return Phase.SURVEY;
    }

    @Override
    public List<Obligation> obligations(CampaignView campaign, List<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> children = new HashMap<>();
        // one grouped count of the children, not one count per organisation
        jdbc.sql("select parent_id, count(*) as n from org_tree_view where parent_id in (:ids) and retired = false"
                        + " group by parent_id").param("ids", organizationIds)
                .query((ResultSet rs) -> {
                    children.put(rs.getLong("parent_id"), rs.getLong("n"));
                });
        Map<Long, SurveyReport> byOrg = new HashMap<>();
        for (SurveyReport r : reports.findByCampaignIdAndOrganizationIdIn(campaign.id(), organizationIds)) {
            byOrg.put(r.getOrganizationId(), r);
        }
        var due = campaign.phases().get(Phase.SURVEY).dueOn();
        List<Obligation> out = new ArrayList<>();
        for (Long id : organizationIds) {
            ReportType type = ReportDuty.owedBy(id == campaign.rootOrganizationId(), children.getOrDefault(id, 0L));
            if (type == null) {
                continue;
            }
            SurveyReport r = byOrg.get(id);
            if (r != null && r.getType() != type) {
                r = null;
            }
            ObligationStatus status = r == null ? ObligationStatus.NOT_STARTED : switch (r.getStatus()) {
                case DRAFT -> ObligationStatus.DRAFT;
                case SUBMITTED -> ObligationStatus.SUBMITTED;
                case RETURNED -> ObligationStatus.RETURNED;
                case ACCEPTED -> ObligationStatus.ACCEPTED;
            };
            String what = type == ReportType.RESEARCH ? "专题调研报告" : "自查报告";
            out.add(new Obligation(id, what, status, due,
                    r != null && status.handedIn() ? r.getSubmittedAt() : null,
                    "/survey/report?campaign=" + campaign.id() + "&org=" + id,
                    r != null && r.getStatus() == ReportStatus.RETURNED ? r.getReturnReason() : null));
        }
        return out;
    }
}
