package cn.tierup.pledge.internal;

import cn.tierup.campaign.CampaignFigurePages;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.shared.KeptFigures;
import org.springframework.stereotype.Component;

/**
 * The figures of the pledge overview page: counted for the visit, or for an organisation whose count takes long (a
 * province's 100,000 organisations: about 1.7 s) the last count with its time (see {@link KeptFigures}).
 */
@Component
public class PledgeFigurePages {

    private final PledgeFigures figures;
    private final CampaignFigurePages.Kind<PledgeFigures.Summary> pages;

    PledgeFigurePages(PledgeFigures figures, CampaignFigurePages pages) {
        this.figures = figures;
        this.pages = pages.kind("践诺统计");
    }

    public KeptFigures.Kept<PledgeFigures.Summary> page(long campaignId, long organizationId) {
        return pages.get(campaignId, organizationId, () -> figures.summary(campaignId, organizationId));
    }
}
