package cn.tierup.upgrade.internal;

import cn.tierup.upgrade.UpgradeGoal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GoalRepository extends JpaRepository<UpgradeGoal, Long> {

    /** An organisation's own goal (not one of a station it hosts). */
    Optional<UpgradeGoal> findByCampaignIdAndOrganizationIdAndStationIdIsNull(long campaignId, long organizationId);

    Optional<UpgradeGoal> findByCampaignIdAndOrganizationIdAndStationId(long campaignId, long organizationId, long stationId);

    /** The organisations' own goals. */
    List<UpgradeGoal> findByCampaignIdAndOrganizationIdInAndStationIdIsNull(long campaignId, Collection<Long> organizationIds);

    /** The goal of an organisation ({@code stationId} null) or of a station it hosts. */
    default Optional<UpgradeGoal> findOf(long campaignId, long organizationId, Long stationId) {
        return stationId == null ? findByCampaignIdAndOrganizationIdAndStationIdIsNull(campaignId, organizationId)
                : findByCampaignIdAndOrganizationIdAndStationId(campaignId, organizationId, stationId);
    }
}
