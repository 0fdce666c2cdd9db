package cn.tierup.pledge.internal;

import cn.tierup.pledge.PledgeBoard;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BoardRepository extends JpaRepository<PledgeBoard, Long> {

    Optional<PledgeBoard> findByCampaignIdAndOrganizationId(long campaignId, long organizationId);

    java.util.List<PledgeBoard> findByOrganizationIdAndSuggestionsOpenTrue(long organizationId);

    Optional<PledgeBoard> findBySlug(String slug);
}
