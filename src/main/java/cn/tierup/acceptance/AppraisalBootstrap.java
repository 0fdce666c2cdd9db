package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.AppraisalQueries;
import cn.tierup.acceptance.internal.AppraisalRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A past year's 民主测评 for the demo data set, through the sitting's own methods (so the same checks hold), without a
 * logged-in user. Not reachable from a request.
 */
@Service
public class AppraisalBootstrap {

    private final AppraisalRepository sittings;
    private final AppraisalQueries queries;
    private final jakarta.persistence.EntityManager entities;

    AppraisalBootstrap(AppraisalRepository sittings, AppraisalQueries queries, jakarta.persistence.EntityManager entities) {
        this.sittings = sittings;
        this.queries = queries;
        this.entities = entities;
    }

    /**
     * A counted paper sitting held by {@code holder} (at {@code holderPath}) on {@code heldOn} for every organisation it
     * may rate in the campaign; {@code ratings} gives each organisation, in the list's order, its 满意/基本满意/不满意
     * out of the sheets returned (the rest 无效). Answers the number of organisations rated.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int countedPaperSitting(long campaignId, long holder, String holderPath, LocalDate heldOn, String place,
                                   int membersExpected, int membersPresent, int publicExpected, int publicPresent,
                                   int returned, java.util.function.IntFunction<int[]> ratings, String by) {
        // the year's grades were saved in this same transaction: write them out before the view is read
        entities.flush();
        Map<Long, String> rated = new LinkedHashMap<>();
        queries.eligible(campaignId, holder, holderPath).stream().filter(c -> c.name().contains("村"))
                .forEach(c -> rated.put(c.id(), c.name()));
        if (rated.isEmpty()) {
            return 0;
        }
        LocalDateTime at = heldOn.atTime(15, 0);
        AppraisalSitting s = new AppraisalSitting(campaignId, holder, heldOn, place, membersExpected, membersPresent,
                publicExpected, publicPresent, AppraisalMode.PAPER, rated, by, at);
        List<AppraisalTally.Line> lines = new ArrayList<>();
        int i = 0;
        for (Long id : rated.keySet()) {
            int[] r = ratings.apply(i++);
            lines.add(new AppraisalTally.Line(id, r[0], r[1], r[2], returned - r[0] - r[1] - r[2]));
        }
        s.enterTally(new AppraisalTally(membersPresent + publicPresent, returned, lines), at.plusMinutes(40));
        s.confirm(by, at.plusMinutes(50));
        sittings.save(s);
        return rated.size();
    }
}
