package cn.tierup.survey.internal;

import cn.tierup.survey.ReportType;
import cn.tierup.survey.SurveyReport;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyReportRepository extends JpaRepository<SurveyReport, Long> {

    Optional<SurveyReport> findByCampaignIdAndOrganizationIdAndType(long campaignId, long organizationId, ReportType type);

    List<SurveyReport> findByCampaignIdAndOrganizationIdIn(long campaignId, Collection<Long> organizationIds);
}
