package cn.tierup.upgrade.internal;

import cn.tierup.upgrade.UpgradeGoal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GoalRepository extends JpaRepository<UpgradeGoal, Long> {

    Optional<UpgradeGoal> findByCampaignIdAndOrganizationId(long campaignId, long organizationId);

    List<UpgradeGoal> findByCampaignIdAndOrganizationIdIn(long campaignId, Collection<Long> organizationIds);
}
