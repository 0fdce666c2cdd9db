package cn.tierup.pledge;

import cn.tierup.shared.Satisfaction;
import cn.tierup.ballot.Ballots;
import cn.tierup.campaign.CampaignService;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.pledge.internal.BoardRepository;
import cn.tierup.pledge.internal.CommentRepository;
import cn.tierup.pledge.internal.PledgeRepository;
import cn.tierup.pledge.internal.SuggestionRepository;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.shared.crypto.BrowserTokens;
import cn.tierup.shared.ratelimit.RateLimits;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import cn.tierup.pledge.internal.PledgeQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the public sees and does on an organisation's pledge page, without an account: the published
 * pledges only (a member's name only where the member agreed to show it), the superior's comments,
 * suggesting what to pledge while that is open, and rating the fulfilment once per browser while the
 * organisation's rating runs. Nothing about the resident is kept: a suggestion is its text and day; a rating
 * is a sealed vote in the rating's ballot, which only the organisation's printed key counts, and the browser
 * that rated is a hash of its cookie; no counter moves until the count. The cookie is a token the server issued
 * with the page ({@link BrowserTokens}); no other is taken. The per-address limits are asked before a
 * transaction begins, since their store takes a connection of its own.
 */
@Service
public class PublicPledges {

    private final BoardRepository boards;
    private final PledgeRepository pledges;
    private final SuggestionRepository suggestions;
    private final CommentRepository comments;
    private final Pledges office;
    private final OrganizationDirectory directory;
    private final PledgeQueries queries;
    private final CampaignService campaigns;
    private final RateLimits.Limit suggestionGate;
    private final RateLimits.Limit ratingGate;
    private final BrowserTokens tokens;
    private final TransactionTemplate transaction;
    private final Ballots ballots;

    PublicPledges(BoardRepository boards, PledgeRepository pledges, SuggestionRepository suggestions,
                  CommentRepository comments, Pledges office, OrganizationDirectory directory, PledgeQueries queries, CampaignService campaigns,
                  RateLimits limits, BrowserTokens tokens, PlatformTransactionManager transactions, Ballots ballots,
                  @Value("${tierup.pledge.submissions-per-minute-per-address:20}") int perMinute) {
        this.ballots = ballots;
        this.boards = boards;
        this.pledges = pledges;
        this.suggestions = suggestions;
        this.comments = comments;
        this.office = office;
        this.directory = directory;
        this.queries = queries;
        this.campaigns = campaigns;
        // a village meeting shares one address behind its router: a burst limit, not one per address
        this.suggestionGate = limits.perMinute("pledge-suggestion", perMinute);
        this.ratingGate = limits.perMinute("pledge-rating", perMinute);
        this.tokens = tokens;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A new rating token for a browser that opens the page (its cookie). */
    public String issueToken(String slug) {
        return tokens.issue(scope(slug));
    }

    /** Whether the browser's token is one this server issued for this page and still takes. */
    public BrowserTokens.Check checkToken(String slug, String token) {
        return tokens.check(scope(slug), token);
    }

    /** A published pledge as the public sees it: the pledger shown as the member agreed. */
    public record PublicPledge(boolean organisation, String pledger, String goal, List<PledgeItem> items, Long id,
                               boolean rateable, MemberRating rating) {

        public long fulfilled() {
            return items.stream().filter(i -> i.getStatus() == Fulfilment.FULFILLED).count();
        }
    }

    /**
     * The page: {@code ratings} are the counted totals; while a rating runs ({@code ratingState} OPEN) only how many
     * have rated is known ({@code ratingsCast}); once counted, the receipts it counted, sorted.
     */
    public record Page(String slug, String organizationName, int year, boolean suggestionsOpen, boolean published,
                       PublicPledge organisation, List<PublicPledge> members, List<Comment> comments,
                       Map<Satisfaction, Long> ratings, java.math.BigDecimal satisfactionRate, long ratingCount,
                       BoardView.RatingState ratingState, int ratingsCast, List<String> receipts) {
    }

    @Transactional(readOnly = true)
    public Optional<Page> page(String slug) {
        return board(slug).map(b -> {
            List<Pledge> published = pledges.findByBoardIdOrderById(b.getId()).stream().filter(p -> p.getPublishedAt() != null).toList();
            PublicPledge own = published.stream().filter(Pledge::organisation).findFirst()
                    .map(p -> new PublicPledge(true, null, p.getGoal(), p.getItems(), null, false, null)).orElse(null);
            // the member pledges the running rating asks about: those published when it opened
            java.util.Set<Long> rateable = b.ratingsOpen()
                    ? ballots.find(b.getRatingSlug()).map(x -> new java.util.HashSet<>(RatingSubjects.memberPledges(x.subjects())))
                            .orElse(new java.util.HashSet<>())
                    : java.util.Set.of();
            Map<Long, MemberRating> rated = new java.util.HashMap<>();
            office.memberRatings(b.getId(), published.stream().filter(p -> !p.organisation()).toList(), false)
                    .forEach(r -> rated.put(r.pledgeId(), r));
            List<PublicPledge> members = published.stream().filter(p -> !p.organisation())
                    .map(p -> new PublicPledge(false, p.isShowName() ? p.getPledgerName() : null, null, p.getItems(), p.getId(),
                            rateable.contains(p.getId()), rated.get(p.getId()))).toList();
            Map<Satisfaction, Long> r = office.ratings(b.getId());
            cn.tierup.shared.SatisfactionRate rate = cn.tierup.shared.SatisfactionRate.of(r);
            long n = rate.ratings();
            int year = campaigns.yearOf(b.getCampaignId());
            return new Page(b.getSlug(), directory.find(b.getOrganizationId()).map(OrganizationDirectory.OrgRef::name).orElse(""),
                    year, b.isSuggestionsOpen(), own != null, own, members,
                    own == null ? List.of() : comments.findByBoardIdOrderByWrittenAtDesc(b.getId()), r,
                    rate.percent(), n,
                    b.ratingState(),
                    b.ratingsOpen() ? ballots.turnout(b.getRatingSlug()) : 0,
                    b.getRatingSlug() != null && !b.ratingsOpen() ? ballots.receipts(b.getRatingSlug()) : List.of());
        });
    }

    /** 群众点诺: a suggestion while suggestions are open; a burst from one address is refused. */
    public void suggest(String slug, String text, String address) {
        PledgeBoard b = board(slug).orElseThrow(() -> new DomainException("pledge.page.unknown"));
        if (!b.isSuggestionsOpen()) {
            throw new DomainException("suggestion.closed");
        }
        Suggestion s = new Suggestion(b.getId(), text, LocalDate.now());
        if (!suggestionGate.admit(address == null ? "?" : address)) {
            throw new DomainException("answer.tooFast");
        }
        transaction.executeWithoutResult(status -> suggestions.save(s));
    }

    /** Whether this browser (its cookie token) has rated the organisation's fulfilment. */
    @Transactional(readOnly = true)
    public boolean rated(String slug, String token) {
        return token != null && board(slug).map(b -> queries.hasRated(b.getId(), OneTimeCodes.hash(b.getSlug(), token))).orElse(false);
    }

    /**
     * 群众测评 of fulfilment, once per browser (a token issued with the page), while the organisation's rating runs.
     * Answers the rating's receipt.
     */
    public String rate(String slug, String choice, String token, String address) {
        return rate(slug, choice, Map.of(), token, address);
    }

    /**
     * The same, with the resident's rating of members' pledges beside the organisation's: {@code members} maps a
     * member pledge's id to a {@link Satisfaction} name; a member pledge left out (or {@code NOT_RATED}) is not rated.
     * All of it is one sealed vote, cast once per browser.
     */
    public String rate(String slug, String choice, Map<Long, String> members, String token, String address) {
        PledgeBoard b = board(slug).orElseThrow(() -> new DomainException("pledge.page.unknown"));
        if (!b.published()) {
            throw new DomainException("rating.notPublished");
        }
        if (!b.ratingsOpen()) {
            throw new DomainException("rating.notOpen");
        }
        Satisfaction s;
        try {
            s = Satisfaction.valueOf(choice == null ? "" : choice);
        } catch (IllegalArgumentException e) {
            throw new DomainException("rating.choice");
        }
        List<String> choices = new java.util.ArrayList<>();
        choices.add(s.name());
        List<Long> asked = ballots.find(b.getRatingSlug()).map(x -> RatingSubjects.memberPledges(x.subjects())).orElse(List.of());
        for (Long unknown : members.keySet()) {
            if (!asked.contains(unknown)) {
                throw new DomainException("rating.member.unknown");
            }
        }
        for (Long pledge : asked) {
            String m = members.get(pledge);
            if (m == null || m.isBlank() || m.equals(RatingSubjects.NOT_RATED)) {
                choices.add(RatingSubjects.NOT_RATED);
            } else {
                try {
                    choices.add(Satisfaction.valueOf(m).name());
                } catch (IllegalArgumentException e) {
                    throw new DomainException("rating.choice");
                }
            }
        }
        BrowserTokens.Check check = checkToken(b.getSlug(), token);
        if (check == BrowserTokens.Check.MISSING) {
            throw new DomainException("answer.noCookie");
        }
        if (check != BrowserTokens.Check.VALID) {
            throw new DomainException("rating.badToken");
        }
        if (!ratingGate.admit(address == null ? "?" : address)) {
            throw new DomainException("answer.tooFast");
        }
        return transaction.execute(status -> {
            try {
                queries.markRated(b.getId(), OneTimeCodes.hash(b.getSlug(), token));
            } catch (DuplicateKeyException e) {
                throw new DomainException("rating.already");
            }
            return ballots.castAdmitted(b.getRatingSlug(), choices);
        });
    }

    private static String scope(String slug) {
        return "pledge:" + slug;
    }

    private Optional<PledgeBoard> board(String slug) {
        if (slug == null || !slug.matches("[a-z0-9]{6,16}")) {
            return Optional.empty();
        }
        return boards.findBySlug(slug);
    }
}
