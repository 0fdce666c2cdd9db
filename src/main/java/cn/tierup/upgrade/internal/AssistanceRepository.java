package cn.tierup.upgrade.internal;

import cn.tierup.upgrade.Assistance;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssistanceRepository extends JpaRepository<Assistance, Long> {

    List<Assistance> findByCampaignIdAndOrganizationIdOrderById(long campaignId, long organizationId);
}
