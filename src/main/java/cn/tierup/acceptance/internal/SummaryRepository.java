package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.WorkSummary;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SummaryRepository extends JpaRepository<WorkSummary, Long> {

    Optional<WorkSummary> findByCampaignIdAndAuthorityOrganizationId(long campaignId, long authorityOrganizationId);

    List<WorkSummary> findByCampaignId(long campaignId);
}
