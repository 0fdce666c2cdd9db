package cn.tierup.campaign.internal;

import cn.tierup.campaign.Campaign;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    boolean existsByRootOrganizationIdAndYear(long rootOrganizationId, int year);

    Optional<Campaign> findByRootOrganizationIdAndYear(long rootOrganizationId, int year);
}
