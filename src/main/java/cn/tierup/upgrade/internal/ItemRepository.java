package cn.tierup.upgrade.internal;

import cn.tierup.upgrade.ItemStatus;
import cn.tierup.upgrade.RectificationItem;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ItemRepository extends JpaRepository<RectificationItem, Long> {

    List<RectificationItem> findByCampaignIdAndOrganizationIdAndStationIdIsNullOrderByNumber(long campaignId, long organizationId);

    List<RectificationItem> findByCampaignIdAndOrganizationIdAndStationIdOrderByNumber(long campaignId, long organizationId,
                                                                                     long stationId);

    long countByCampaignIdAndOrganizationIdAndStationIdIsNull(long campaignId, long organizationId);

    long countByCampaignIdAndOrganizationIdAndStationId(long campaignId, long organizationId, long stationId);

    long countByCampaignIdAndOrganizationIdAndStationIdIsNullAndStatus(long campaignId, long organizationId, ItemStatus status);

    long countByCampaignIdAndOrganizationIdAndStationIdAndStatus(long campaignId, long organizationId, long stationId,
                                                               ItemStatus status);

    /** The ledger of an organisation ({@code stationId} null) or of a station it hosts, in its numbers' order. */
    default List<RectificationItem> ledgerOf(long campaignId, long organizationId, Long stationId) {
        return stationId == null ? findByCampaignIdAndOrganizationIdAndStationIdIsNullOrderByNumber(campaignId, organizationId)
                : findByCampaignIdAndOrganizationIdAndStationIdOrderByNumber(campaignId, organizationId, stationId);
    }

    /** The lines of that ledger, and those of them still open. */
    default long[] countsOf(long campaignId, long organizationId, Long stationId) {
        return stationId == null
                ? new long[] {countByCampaignIdAndOrganizationIdAndStationIdIsNull(campaignId, organizationId),
                        countByCampaignIdAndOrganizationIdAndStationIdIsNullAndStatus(campaignId, organizationId, ItemStatus.OPEN)}
                : new long[] {countByCampaignIdAndOrganizationIdAndStationId(campaignId, organizationId, stationId),
                        countByCampaignIdAndOrganizationIdAndStationIdAndStatus(campaignId, organizationId, stationId,
                                ItemStatus.OPEN)};
    }
}
