package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.YearEndReview;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRepository extends JpaRepository<YearEndReview, Long> {

    Optional<YearEndReview> findByCampaignIdAndOrganizationId(long campaignId, long organizationId);

    List<YearEndReview> findByCampaignIdAndOrganizationIdIn(long campaignId, Collection<Long> organizationIds);

    List<YearEndReview> findByCampaignIdAndAuthorityOrganizationIdIn(long campaignId, Collection<Long> authorityIds);
}
