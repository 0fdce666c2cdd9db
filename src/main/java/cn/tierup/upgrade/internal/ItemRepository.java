package cn.tierup.upgrade.internal;

import cn.tierup.upgrade.ItemStatus;
import cn.tierup.upgrade.RectificationItem;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ItemRepository extends JpaRepository<RectificationItem, Long> {

    List<RectificationItem> findByCampaignIdAndOrganizationIdOrderByNumber(long campaignId, long organizationId);

    long countByCampaignIdAndOrganizationId(long campaignId, long organizationId);

    long countByCampaignIdAndOrganizationIdAndStatus(long campaignId, long organizationId, ItemStatus status);
}
