package cn.tierup.upgrade;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Only organisations under a campaign's root (not the root itself, not retired) take part in moving up, and its
 * work is written only once 晋位升级 has started.
 */
@Component
class Participation {

    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;

    Participation(CampaignService campaigns, PhaseWindows phaseWindows) {
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
    }

    /** Whether 晋位升级's work may be written today (a page's forms show only then). */
    boolean open(CampaignView c) {
        return phaseWindows.gate(c, Phase.UPGRADE).open();
    }

    /** As {@link #require}, for writing 晋位升级's work: refused before the phase starts, late (逾期) after it ends. */
    CampaignView requireOpen(long campaignId, long organizationId) {
        CampaignView c = require(campaignId, organizationId);
        phaseWindows.require(c, Phase.UPGRADE);
        return c;
    }

    CampaignView require(long campaignId, long organizationId) {
        CampaignView c = campaigns.get(campaignId);
        if (organizationId == c.rootOrganizationId() || !campaigns.takesPart(campaignId, organizationId)) {
            throw new DomainException("upgrade.notInCampaign");
        }
        return c;
    }
}
