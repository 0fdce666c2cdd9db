package cn.tierup.grading.internal;

import cn.tierup.grading.GradingCase;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GradingCaseRepository extends JpaRepository<GradingCase, Long> {

    Optional<GradingCase> findByCampaignIdAndOrganizationId(long campaignId, long organizationId);

    List<GradingCase> findByCampaignIdAndOrganizationIdIn(long campaignId, Collection<Long> organizationIds);

    boolean existsByCampaignIdAndField(long campaignId, String field);

    boolean existsBySchemeId(long schemeId);
}
