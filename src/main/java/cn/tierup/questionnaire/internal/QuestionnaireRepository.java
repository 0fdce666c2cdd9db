package cn.tierup.questionnaire.internal;

import cn.tierup.questionnaire.Questionnaire;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QuestionnaireRepository extends JpaRepository<Questionnaire, Long> {

    Optional<Questionnaire> findBySlug(String slug);

    /** The questionnaire, locked until the transaction ends: counting takes it so that two counts never overlap. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from Questionnaire q where q.id = :id")
    Optional<Questionnaire> lockById(@Param("id") long id);

    List<Questionnaire> findByCampaignIdAndOrganizationIdOrderByIdDesc(long campaignId, long organizationId);
}
