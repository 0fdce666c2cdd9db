package cn.tierup.acceptance;

import cn.tierup.acceptance.Commendation.Honoured;
import cn.tierup.acceptance.Commendation.Particulars;
import cn.tierup.acceptance.CommendationPolicy.Facts;
import cn.tierup.acceptance.CommendationPolicy.Place;
import cn.tierup.acceptance.internal.CommendationQueries;
import cn.tierup.acceptance.internal.CommendationRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earlier years' 表彰 for the demo data set, held to the same {@link CommendationPolicy} as a user's. Not reachable
 * from a request: it acts for no user, so it records who it acts as.
 */
@Service
public class CommendationBootstrap {

    private final CommendationRepository commendations;
    private final CommendationQueries queries;

    CommendationBootstrap(CommendationRepository commendations, CommendationQueries queries) {
        this.commendations = commendations;
        this.queries = queries;
    }

    /** Organisations under the superior graded 先进 at the start of that year, in the tree's order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> advancedUnder(long campaignId, long awarderId, int limit) {
        return queries.advancedUnder(campaignId, queries.place(awarderId).orElseThrow().path(), limit);
    }

    /** Full members on the rolls under the superior, one per roll, in the tree's order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> fullMembersUnder(long awarderId, int limit) {
        return queries.fullMembersUnder(queries.place(awarderId).orElseThrow().path(), limit);
    }

    /**
     * One honour recorded by {@code by} for the superior, when the policy allows it as it would a user's; answers whether
     * it was recorded (the demo's other years may have made the organisation 后进 since).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean honoured(long campaignId, long awarderId, CommendationKind kind, Long organizationId, Long memberId,
                         Particulars particulars, String by) {
        Place awarder = queries.place(awarderId).orElseThrow();
        Place org = organizationId == null ? null : queries.place(organizationId).orElseThrow();
        var person = memberId == null ? null : queries.person(memberId).orElseThrow();
        var grade = org == null ? null : queries.latestGrade(campaignId, org.id()).orElse(null);
        if (!CommendationPolicy.decide(new Facts(kind, awarder, org, grade, person, particulars.awardedOn(),
                queries.year(campaignId), LocalDate.now())).isAllowed()) {
            return false;
        }
        Honoured honoured = kind.honoursPerson() ? new Honoured(kind, person.roll().id(), memberId, person.name())
                : new Honoured(kind, org.id(), null, null);
        commendations.save(new Commendation(campaignId, awarderId, honoured, particulars,
                by, particulars.awardedOn().atTime(10, 0).isAfter(LocalDateTime.now()) ? LocalDateTime.now()
                        : particulars.awardedOn().atTime(10, 0)));
        return true;
    }
}
