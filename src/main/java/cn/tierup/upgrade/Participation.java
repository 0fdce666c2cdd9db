package cn.tierup.upgrade;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.shared.DomainException;
import org.springframework.stereotype.Component;

/** Only organisations under a campaign's root (not the root itself, not retired) take part in moving up. */
@Component
class Participation {

    private final CampaignService campaigns;

    Participation(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    CampaignView require(long campaignId, long organizationId) {
        CampaignView c = campaigns.get(campaignId);
        if (organizationId == c.rootOrganizationId() || !campaigns.takesPart(campaignId, organizationId)) {
            throw new DomainException("upgrade.notInCampaign");
        }
        return c;
    }
}
