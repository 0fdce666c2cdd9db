package cn.tierup.campaign;

import cn.tierup.campaign.internal.CampaignRepository;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens a campaign without a logged-in user: for the demo data set only. */
@Service
public class CampaignBootstrap {

    private final CampaignRepository campaigns;

    CampaignBootstrap(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Campaign open(long rootOrganizationId, int year, String name, Map<Phase, PhaseDates> schedule) {
        return campaigns.save(new Campaign(rootOrganizationId, year, name, schedule, Targets.notice()));
    }
}
