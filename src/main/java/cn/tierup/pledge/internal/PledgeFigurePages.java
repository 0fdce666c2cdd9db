package cn.tierup.pledge.internal;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.shared.FigureKeeping;
import cn.tierup.shared.KeptFigures;
import org.springframework.stereotype.Component;

/**
 * The figures of the pledge overview page: counted for the visit, or for an organisation whose count takes long (a
 * province's 100,000 organisations: about 1.7 s) the last count with its time (see {@link KeptFigures}).
 */
@Component
public class PledgeFigurePages {

    private final PledgeFigures figures;
    private final ScopeGuard guard;
    private final KeptFigures<Key, PledgeFigures.Summary> kept;

    private record Key(long campaignId, long organizationId) {
    }

    PledgeFigurePages(PledgeFigures figures, ScopeGuard guard, FigureKeeping keeping) {
        this.figures = figures;
        this.guard = guard;
        this.kept = keeping.keeper("践诺统计");
    }

    /** The user is asked for first, as counting would: a kept count is shown only to those who may see it. */
    public KeptFigures.Kept<PledgeFigures.Summary> page(long campaignId, long organizationId) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        return kept.get(new Key(campaignId, organizationId), () -> figures.summary(campaignId, organizationId));
    }
}
