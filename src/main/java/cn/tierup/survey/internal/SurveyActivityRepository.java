package cn.tierup.survey.internal;

import cn.tierup.survey.SurveyActivity;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyActivityRepository extends JpaRepository<SurveyActivity, Long> {

    List<SurveyActivity> findByCampaignIdAndOrganizationIdOrderByOccurredOnDescIdDesc(long campaignId, long organizationId);
}
