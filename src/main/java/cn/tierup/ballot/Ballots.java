package cn.tierup.ballot;

import cn.tierup.ballot.internal.BallotStore;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.shared.Slugs;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret ballots with printed one-time codes. A vote spends its code and adds one to a counter per
 * subject, and nothing else: no row per vote, no time, no account, no address — which is also why votes
 * are not audited. Closing counts, deletes the codes and leaves the totals, published as
 * {@link BallotClosed}.
 */
@Service
public class Ballots {

    private final BallotStore store;
    private final ApplicationEventPublisher events;

    Ballots(BallotStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** Opens a ballot and prints its codes; the codes are answered this once, only their hashes are kept. */
    @Transactional
    public OpenedBallot open(BallotRequest request) {
        String slug = Slugs.generate();
        List<String> codes = OneTimeCodes.generate(request.codes());
        store.insert(request, slug, codes.stream().map(OneTimeCodes::normalise).toList());
        return new OpenedBallot(request.id(), slug, codes);
    }

    /** The ballot behind a link, open or shut; empty for a link that names none. */
    @Transactional(readOnly = true)
    public Optional<Ballot> find(String slug) {
        return Slugs.plausible(slug) ? store.find(slug) : Optional.empty();
    }

    /**
     * Casts one vote with one code: a choice per subject, in the ballot's order of subjects. Refused, with
     * nothing changed, if the ballot is shut or not yet open, a choice is missing or unknown, or the code is
     * unknown or spent.
     */
    @Transactional
    public void vote(String slug, String code, List<String> choices) {
        if (choices == null || choices.isEmpty() || choices.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new DomainException("ballot.choice");
        }
        Ballot b = find(slug).orElseThrow(() -> new DomainException("ballot.unknown"));
        if (choices.size() != b.subjects().size() || !b.choices().containsAll(choices)) {
            throw new DomainException("ballot.choice");
        }
        if (LocalDate.now().isBefore(b.opensOn())) {
            throw new DomainException("ballot.notYet", b.opensOn());
        }
        Ballot open = store.lockOpen(b.id()).orElseThrow(() -> new DomainException("ballot.closed"));
        if (!store.spend(open, OneTimeCodes.normalise(code))) {
            throw new DomainException("ballot.code");
        }
        store.count(open, choices);
    }

    /** Codes spent so far in an open ballot, for the clerk's screen. */
    @Transactional(readOnly = true)
    public int turnout(long ballotId) {
        return store.get(ballotId).map(b -> store.totals(b).spent()).orElse(0);
    }

    /**
     * Stops the ballot and counts it, after taking its lock so that no vote is accepted and left uncounted.
     * Whoever opened it records the result in the same transaction: if that is refused, the ballot stays open.
     */
    @Transactional
    public Totals close(long ballotId) {
        Ballot b = store.lockOpen(ballotId).orElseThrow(() -> new DomainException("ballot.notOpen"));
        Totals totals = store.totals(b);
        store.shut(b);
        events.publishEvent(new BallotClosed(ballotId, totals));
        return totals;
    }

    /** Shuts a ballot whose result is no longer wanted (its step was redone); nothing is counted or published. */
    @Transactional
    public void discard(long ballotId) {
        store.lockOpen(ballotId).ifPresent(store::shut);
    }
}
