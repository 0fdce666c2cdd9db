package cn.tierup.grading.internal;

import cn.tierup.grading.GradingCase;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GradingCaseRepository extends JpaRepository<GradingCase, Long> {

    Optional<GradingCase> findByCampaignIdAndOrganizationId(long campaignId, long organizationId);

    /**
     * How far each listed organisation's case has come, without loading the cases (each case's meetings are loaded
     * with it: one statement per case, a minute for a province's 100,000).
     */
    @Query("select new cn.tierup.grading.internal.CaseProgress(k.organizationId, k.step, k.round, k.readyAt, k.decidedAt,"
            + " k.decidedGrade) from GradingCase k where k.campaignId = :campaign and k.organizationId in :organizations")
    List<CaseProgress> progress(@Param("campaign") long campaignId, @Param("organizations") Collection<Long> organizationIds);

    boolean existsByCampaignIdAndField(long campaignId, String field);

    boolean existsBySchemeId(long schemeId);
}
