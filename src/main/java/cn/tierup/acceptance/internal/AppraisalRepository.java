package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.AppraisalSitting;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppraisalRepository extends JpaRepository<AppraisalSitting, Long> {

    List<AppraisalSitting> findByCampaignIdAndHolderOrganizationIdOrderByHeldOnDescIdDesc(long campaignId, long holderOrganizationId);
}
