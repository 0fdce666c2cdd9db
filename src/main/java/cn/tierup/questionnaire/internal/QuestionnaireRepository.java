package cn.tierup.questionnaire.internal;

import cn.tierup.questionnaire.Questionnaire;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuestionnaireRepository extends JpaRepository<Questionnaire, Long> {

    Optional<Questionnaire> findBySlug(String slug);

    List<Questionnaire> findByCampaignIdAndOrganizationIdOrderByIdDesc(long campaignId, long organizationId);
}
