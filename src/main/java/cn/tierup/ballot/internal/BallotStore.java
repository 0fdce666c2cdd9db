package cn.tierup.ballot.internal;

import cn.tierup.ballot.Ballot;
import cn.tierup.ballot.BallotRequest;
import cn.tierup.shared.crypto.MasterKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ballot tables. {@code poll} holds each ballot's link, title, subjects, choices, public key and whether
 * it is open — the one place that says so. While it is open, a vote writes exactly two things whatever its
 * choice: its code's spent flag ({@code ballot_code}, keyed hashes) and one sealed vote ({@code ballot_vote},
 * all of one length). The totals ({@code ballot_tally}) and the receipts ({@code ballot_receipt}) are written
 * once, by the count. A ballot of one subject names its totals by the bare choice; with more subjects the
 * name starts with the subject's number.
 */
@Repository
public class BallotStore {

    private final JdbcClient jdbc;
    private final SecretKeySpec codeKey;

    BallotStore(JdbcClient jdbc, MasterKey master) {
        this.jdbc = jdbc;
        // the derivation the 审议's ballot box used: codes printed before the move still vote
        this.codeKey = master.derive("ballot-codes");
    }

    /** A stored ballot with what only the module needs: its public key (null for ballots opened before sealing). */
    public record Stored(Ballot ballot, String sealKey) {
        public long id() {
            return ballot.id();
        }
    }

    public Optional<Ballot> find(String slug) {
        return stored(slug).map(Stored::ballot);
    }

    public Optional<Stored> stored(String slug) {
        return jdbc.sql("select id, slug, title, subjects, choices, opens_on, status, seal_key from poll where slug = :s")
                .param("s", slug).query((rs, n) -> new Stored(new Ballot(rs.getLong(1), rs.getString(2), rs.getString(3),
                        split(rs.getString(4), "\n"), split(rs.getString(5), ","), rs.getDate(6).toLocalDate(),
                        "OPEN".equals(rs.getString(7))), rs.getString(8)))
                .optional();
    }

    /**
     * Inserts the ballot with its public key and its codes' hashes, under an id of its own; nothing else exists
     * until the count. Answers the id.
     */
    public long insert(BallotRequest r, String slug, String sealKey, List<String> normalisedCodes) {
        long id = jdbc.sql("select nextval('poll_seq')").query(Long.class).single();
        jdbc.sql("insert into poll (id, slug, title, subjects, choices, opens_on, status, seal_key)"
                        + " values (:id, :s, :t, :subjects, :choices, :o, 'OPEN', :k)")
                .param("id", id).param("s", slug).param("t", r.title()).param("subjects", String.join("\n", r.subjects()))
                .param("choices", String.join(",", r.choices())).param("o", r.opensOn()).param("k", sealKey).update();
        for (String code : normalisedCodes) {
            jdbc.sql("insert into ballot_code (poll_id, code_hash, spent) values (:p, :h, false)")
                    .param("p", id).param("h", hash(slug, code)).update();
        }
        return id;
    }

    /** Sealed votes stored so far. */
    public int votesCast(long ballotId) {
        return jdbc.sql("select count(*) from ballot_vote where poll_id = :p").param("p", ballotId).query(Integer.class).single();
    }

    /**
     * Takes the ballot's row lock if it is open: votes and the count serialise on it, so no vote is
     * accepted after the count. Empty when the ballot is shut.
     */
    public Optional<Stored> lockOpen(long id) {
        return jdbc.sql("select slug from poll where id = :id and status = 'OPEN' for update").param("id", id)
                .query(String.class).optional().flatMap(this::stored);
    }

    /** Takes the ballot's row lock as {@link #lockOpen} does, reading nothing: true if it is open. */
    public boolean lock(long id) {
        return jdbc.sql("select id from poll where id = :id and status = 'OPEN' for update").param("id", id)
                .query(Long.class).optional().isPresent();
    }

    /** Spends a code: true only if it belonged to the ballot and was not spent yet. */
    public boolean spend(Stored b, String normalisedCode) {
        return !normalisedCode.isEmpty() && jdbc.sql("update ballot_code set spent = true"
                        + " where poll_id = :p and code_hash = :h and spent = false")
                .param("p", b.id()).param("h", hash(b.ballot().slug(), normalisedCode)).update() == 1;
    }

    /** Stores one sealed vote. */
    public void deposit(Stored b, byte[] sealed) {
        jdbc.sql("insert into ballot_vote (poll_id, sealed) values (:p, :v)")
                .param("p", b.id()).param("v", Base64.getEncoder().encodeToString(sealed)).update();
    }

    /** The sealed votes, in whatever order the database returns them (the count shuffles them). */
    public List<byte[]> sealedVotes(long ballotId) {
        return jdbc.sql("select sealed from ballot_vote where poll_id = :p").param("p", ballotId)
                .query((rs, n) -> Base64.getDecoder().decode(rs.getString(1))).list();
    }

    /**
     * A ballot opened before votes were sealed: it still counts as it did, one counter per subject and choice
     * rewritten by every vote, so that its votes are not lost by the upgrade.
     */
    public void countUnsealed(Stored b, List<String> choices) {
        List<String> chosen = new ArrayList<>();
        for (int s = 0; s < choices.size(); s++) {
            chosen.add(counter(b.ballot().subjects().size(), s, choices.get(s)));
        }
        jdbc.sql("update ballot_tally set n = n + case when choice in (:c) then 1 else 0 end where poll_id = :p")
                .param("p", b.id()).param("c", chosen).update();
    }

    public int issued(long ballotId) {
        return jdbc.sql("select count(*) from ballot_code where poll_id = :p").param("p", ballotId)
                .query(Integer.class).single();
    }

    public int spent(long ballotId) {
        return jdbc.sql("select count(*) from ballot_code where poll_id = :p and spent = true").param("p", ballotId)
                .query(Integer.class).single();
    }

    /** The stored totals per subject and choice (all nought where none are stored). */
    public List<Map<String, Integer>> tally(Ballot b) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        jdbc.sql("select choice, n from ballot_tally where poll_id = :p").param("p", b.id())
                .query(rs -> {
                    counters.put(rs.getString(1), rs.getInt(2));
                });
        List<Map<String, Integer>> bySubject = new ArrayList<>();
        for (int s = 0; s < b.subjects().size(); s++) {
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (String c : b.choices()) {
                votes.put(c, counters.getOrDefault(counter(b.subjects().size(), s, c), 0));
            }
            bySubject.add(votes);
        }
        return bySubject;
    }

    /**
     * The count's one write: the totals and the receipts (sorted, so their order says nothing), the ballot
     * shut, its codes and sealed votes deleted — all in the closing transaction.
     */
    public void record(Ballot b, List<Map<String, Integer>> bySubject, List<String> sortedReceipts) {
        jdbc.sql("delete from ballot_tally where poll_id = :p").param("p", b.id()).update();
        for (int s = 0; s < bySubject.size(); s++) {
            for (Map.Entry<String, Integer> e : bySubject.get(s).entrySet()) {
                jdbc.sql("insert into ballot_tally (poll_id, choice, n) values (:p, :c, :n)").param("p", b.id())
                        .param("c", counter(bySubject.size(), s, e.getKey())).param("n", e.getValue()).update();
            }
        }
        for (String r : sortedReceipts) {
            jdbc.sql("insert into ballot_receipt (poll_id, receipt) values (:p, :r)").param("p", b.id()).param("r", r).update();
        }
        shut(b.id());
    }

    /** Shuts the ballot and deletes its codes and sealed votes, counted or not. */
    public void shut(long ballotId) {
        jdbc.sql("update poll set status = 'CLOSED' where id = :id").param("id", ballotId).update();
        jdbc.sql("delete from ballot_code where poll_id = :p").param("p", ballotId).update();
        jdbc.sql("delete from ballot_vote where poll_id = :p").param("p", ballotId).update();
    }

    /** The receipts of a counted ballot, sorted. */
    public List<String> receipts(long ballotId) {
        return jdbc.sql("select receipt from ballot_receipt where poll_id = :p order by receipt").param("p", ballotId)
                .query(String.class).list();
    }

    /** The ballot by its id, without a lock. */
    public Optional<Stored> get(long id) {
        return jdbc.sql("select slug from poll where id = :id").param("id", id).query(String.class).optional()
                .flatMap(this::stored);
    }

    private static String counter(int subjects, int subject, String choice) {
        return subjects == 1 ? choice : (subject + 1) + "." + choice;
    }

    private static List<String> split(String joined, String separator) {
        return Arrays.asList(joined.split(separator, -1));
    }

    /** Keyed with the installation's secret: the stored hashes of forty-bit codes cannot be searched offline. */
    private String hash(String slug, String code) {
        return MasterKey.hex(codeKey, slug + "\u0000" + code);
    }
}
