package cn.tierup.pledge;

import cn.tierup.pledge.internal.BoardRepository;
import cn.tierup.pledge.internal.PledgeRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A branch's pledges as its party members see them (callers have checked access): the published ones, and the
 * member's own 党员公开承诺书 whatever its state, with the fulfilment of its items.
 */
@Service
public class BranchPledges {

    private final BoardRepository boards;
    private final PledgeRepository pledges;

    BranchPledges(BoardRepository boards, PledgeRepository pledges) {
        this.boards = boards;
        this.pledges = pledges;
    }

    /** {@code slug}: the public page, once something is published on it. */
    public record ForMembers(String slug, PledgeSheet organisation, List<PledgeSheet> members, PledgeSheet own) {
    }

    @Transactional(readOnly = true)
    public ForMembers of(long campaignId, long organizationId, Long memberId) {
        return boards.findByCampaignIdAndOrganizationId(campaignId, organizationId).map(b -> {
            List<Pledge> all = pledges.findByBoardIdOrderById(b.getId());
            List<PledgeSheet> published = all.stream().filter(p -> p.getPublishedAt() != null).map(PledgeSheet::of).toList();
            PledgeSheet own = memberId == null ? null : all.stream().filter(p -> memberId.equals(p.getMemberId()))
                    .findFirst().map(PledgeSheet::of).orElse(null);
            return new ForMembers(published.isEmpty() ? null : b.getSlug(),
                    published.stream().filter(PledgeSheet::organisation).findFirst().orElse(null),
                    published.stream().filter(p -> !p.organisation()).toList(), own);
        }).orElse(new ForMembers(null, null, List.of(), null));
    }
}
