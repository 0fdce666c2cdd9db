package cn.tierup.ballot;

import cn.tierup.ballot.internal.BallotStore;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.OneTimeCodes;
import cn.tierup.shared.Slugs;
import cn.tierup.shared.crypto.SealedBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret ballots with printed one-time codes, as secret as a paper ballot box against anyone holding the
 * database's files, backups or logs. Opening a ballot makes a key pair: the public half is stored, the private
 * half is printed for the clerk as the closing key (计票密钥) and never stored. A vote spends its code and
 * stores its choices sealed to the public key — the same two writes, of the same size, whatever the choice; no
 * counter moves, no time, account or address is kept, which is also why votes are not audited. The count needs
 * the clerk's key: the sealed votes are opened in memory in random order, the totals and the sorted receipts
 * stored, the codes and sealed votes deleted, and the totals published as {@link BallotClosed}.
 */
@Service
public class Ballots {

    private static final SecureRandom SHUFFLE = new SecureRandom();

    private final BallotStore store;
    private final ApplicationEventPublisher events;

    Ballots(BallotStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** Opens a ballot: its codes and closing key are answered this once; only the codes' hashes and the public key are kept. */
    @Transactional
    public OpenedBallot open(BallotRequest request) {
        String slug = Slugs.generate();
        List<String> codes = OneTimeCodes.generate(request.codes());
        SealedBox.Keys keys = SealedBox.generate();
        long id = store.insert(request, slug, keys.publicKey(), codes.stream().map(OneTimeCodes::normalise).toList());
        return new OpenedBallot(id, slug, codes, keys.closingKey());
    }

    /** The ballot behind a link, open or shut; empty for a link that names none. */
    @Transactional(readOnly = true)
    public Optional<Ballot> find(String slug) {
        return Slugs.plausible(slug) ? store.find(slug) : Optional.empty();
    }

    /**
     * Casts one vote with one code: a choice per subject, in the ballot's order of subjects. Answers the
     * vote's receipt. Refused, with nothing changed, if the ballot is shut or not yet open, a choice is missing
     * or unknown, or the code is unknown or spent.
     *
     * <p>The vote is sealed before the ballot's lock is taken, and nothing is read under it: every vote of a
     * meeting queues on that one lock (so that the count accepts none after it), so it is held for the code's
     * update and the sealed vote's insert alone. The ballot read before it is the one locked: its key, subjects
     * and choices never change, and the lock itself checks that it is still open.
     */
    @Transactional
    public String vote(String slug, String code, List<String> choices) {
        BallotStore.Stored b = checked(slug, choices);
        byte[] sealed = b.sealKey() == null ? null : seal(b, choices);
        if (!store.lock(b.id())) {
            throw new DomainException("ballot.closed");
        }
        if (!store.spend(b, OneTimeCodes.normalise(code))) {
            throw new DomainException("ballot.code");
        }
        if (sealed == null) {
            store.countUnsealed(b, choices);
            return null;
        }
        store.deposit(b, sealed);
        return SealedBox.receipt(sealed);
    }

    /**
     * Casts one vote in a ballot without codes, whose opener has admitted the voter itself (one rating per
     * browser): the same sealed vote as with a code, sealed before the lock as {@link #vote} is. Answers the
     * receipt; refused as {@link #vote} is.
     */
    @Transactional
    public String castAdmitted(String slug, List<String> choices) {
        BallotStore.Stored b = checked(slug, choices);
        if (b.sealKey() == null) {
            throw new DomainException("ballot.closed");
        }
        byte[] sealed = seal(b, choices);
        if (!store.lock(b.id())) {
            throw new DomainException("ballot.closed");
        }
        store.deposit(b, sealed);
        return SealedBox.receipt(sealed);
    }

    /** Votes cast so far in an open ballot, for the clerk's screen. */
    @Transactional(readOnly = true)
    public int turnout(String slug) {
        return store.stored(slug).map(s -> s.sealKey() == null ? store.spent(s.id()) : store.votesCast(s.id())).orElse(0);
    }

    /** The receipts a counted ballot counted, sorted; empty while it is open. */
    @Transactional(readOnly = true)
    public List<String> receipts(String slug) {
        return store.stored(slug).map(s -> store.receipts(s.id())).orElse(List.of());
    }

    private static byte[] seal(BallotStore.Stored b, List<String> choices) {
        return SealedBox.seal(b.sealKey(), encode(b.ballot(), choices), context(b.ballot()));
    }

    /**
     * Counts the ballot with the clerk's closing key and shuts it, after taking its lock so that no vote is
     * accepted and left uncounted. A key that is not this ballot's is refused before anything is opened.
     * Whoever opened it records the result in the same transaction: if that is refused, the ballot stays open.
     */
    @Transactional
    public Totals close(String slug, String closingKey) {
        long ballotId = store.stored(slug).map(BallotStore.Stored::id).orElseThrow(() -> new DomainException("ballot.notOpen"));
        BallotStore.Stored s = store.lockOpen(ballotId).orElseThrow(() -> new DomainException("ballot.notOpen"));
        Ballot b = s.ballot();
        int issued = store.issued(ballotId);
        // a ballot without codes (its opener admits each voter) has as many votes as sealed ones
        int spent = issued == 0 && s.sealKey() != null ? store.votesCast(ballotId) : store.spent(ballotId);
        Totals totals;
        if (s.sealKey() == null) {
            totals = new Totals(issued, spent, store.tally(b), 0, List.of());
        } else {
            if (closingKey == null || closingKey.isBlank()) {
                throw new DomainException("ballot.key.required");
            }
            SealedBox.Opener opener = SealedBox.opener(s.sealKey(), closingKey)
                    .orElseThrow(() -> new DomainException("ballot.key.wrong"));
            totals = count(b, opener, issued, spent);
        }
        store.record(b, totals.bySubject(), totals.receipts());
        events.publishEvent(new BallotClosed(ballotId, slug, totals));
        return totals;
    }

    /** Shuts a ballot whose result is no longer wanted (its step was redone); nothing is counted or published. */
    @Transactional
    public void discard(String slug) {
        store.stored(slug).flatMap(s -> store.lockOpen(s.id())).ifPresent(s -> store.shut(s.id()));
    }

    private Totals count(Ballot b, SealedBox.Opener opener, int issued, int spent) {
        List<byte[]> sealed = new ArrayList<>(store.sealedVotes(b.id()));
        // the order the votes are read in is the order they are opened in: let it be none
        Collections.shuffle(sealed, SHUFFLE);
        List<Map<String, Integer>> bySubject = new ArrayList<>();
        for (int s = 0; s < b.subjects().size(); s++) {
            Map<String, Integer> votes = new LinkedHashMap<>();
            b.choices().forEach(c -> votes.put(c, 0));
            bySubject.add(votes);
        }
        int unreadable = 0;
        List<String> receipts = new ArrayList<>();
        byte[] context = context(b);
        for (byte[] v : sealed) {
            receipts.add(SealedBox.receipt(v));
            Optional<List<String>> choices = opener.open(v, context).flatMap(p -> decode(b, p));
            if (choices.isEmpty()) {
                unreadable++;
                continue;
            }
            for (int s = 0; s < choices.get().size(); s++) {
                bySubject.get(s).merge(choices.get().get(s), 1, Integer::sum);
            }
        }
        Collections.sort(receipts);
        // more sealed votes than spent codes can only be votes put into the database by hand: not counted
        if (sealed.size() > spent) {
            throw new DomainException("ballot.outOfBalance", sealed.size(), spent);
        }
        return new Totals(issued, spent, bySubject, unreadable + (spent - sealed.size()), receipts);
    }

    /** The ballot behind the link, if the choices fit it and it has opened; refused otherwise. */
    private BallotStore.Stored checked(String slug, List<String> choices) {
        if (choices == null || choices.isEmpty() || choices.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new DomainException("ballot.choice");
        }
        BallotStore.Stored s = (Slugs.plausible(slug) ? store.stored(slug) : Optional.<BallotStore.Stored>empty())
                .orElseThrow(() -> new DomainException("ballot.unknown"));
        Ballot b = s.ballot();
        if (choices.size() != b.subjects().size() || !b.choices().containsAll(choices)) {
            throw new DomainException("ballot.choice");
        }
        if (LocalDate.now().isBefore(b.opensOn())) {
            throw new DomainException("ballot.notYet", b.opensOn());
        }
        return s;
    }

    /** One byte per subject: the place of its choice among the ballot's choices; the same length for every vote. */
    private static byte[] encode(Ballot b, List<String> choices) {
        byte[] out = new byte[choices.size()];
        for (int s = 0; s < choices.size(); s++) {
            out[s] = (byte) b.choices().indexOf(choices.get(s));
        }
        return out;
    }

    private static Optional<List<String>> decode(Ballot b, byte[] plain) {
        if (plain.length != b.subjects().size()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (byte x : plain) {
            if (x < 0 || x >= b.choices().size()) {
                return Optional.empty();
            }
            out.add(b.choices().get(x));
        }
        return Optional.of(out);
    }

    /** A sealed vote opens only in the ballot it was cast in. */
    private static byte[] context(Ballot b) {
        return ("ballot:" + b.id() + ":" + b.slug()).getBytes(StandardCharsets.UTF_8);
    }
}
