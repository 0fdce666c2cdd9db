package cn.tierup.campaign;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.FigureKeeping;
import cn.tierup.shared.KeptFigures;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The figures of a campaign's page for one organisation (附件2, 附件3/4, the pledge overview), kept when slow to count
 * ({@link FigureKeeping}). The user is asked for first, as counting would: a kept count is shown only to those who
 * may read the organisation's campaign figures.
 */
@Component
public class CampaignFigurePages {

    private final ScopeGuard guard;
    private final FigureKeeping keeping;

    CampaignFigurePages(ScopeGuard guard, FigureKeeping keeping) {
        this.guard = guard;
        this.keeping = keeping;
    }

    /**
     * The pages of one kind (its name appears in the log when a renewal fails). Each call makes a keeper of its own:
     * call it once, where the page's service is made.
     */
    public <V> Kind<V> kind(String name) {
        return new Kind<>(guard, keeping.keeper(name));
    }

    private record Key(long campaignId, long organizationId) {
    }

    public static final class Kind<V> {

        private final ScopeGuard guard;
        private final KeptFigures<Key, V> kept;

        private Kind(ScopeGuard guard, KeptFigures<Key, V> kept) {
            this.guard = guard;
            this.kept = kept;
        }

        /** The figures counted now, or the last count with its time when counting them takes long. */
        public KeptFigures.Kept<V> get(long campaignId, long organizationId, Supplier<V> count) {
            guard.require(Permission.CAMPAIGN_READ, organizationId);
            return kept.get(new Key(campaignId, organizationId), count);
        }
    }
}
