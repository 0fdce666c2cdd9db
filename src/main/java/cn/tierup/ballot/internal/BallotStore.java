package cn.tierup.ballot.internal;

import cn.tierup.ballot.Ballot;
import cn.tierup.ballot.BallotRequest;
import cn.tierup.ballot.Totals;
import cn.tierup.shared.crypto.MasterKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ballot tables. {@code poll} holds each ballot's link, title, subjects, choices and whether it is
 * open — the one place that says so. The codes (a keyed hash, spent or not) and the counters keep the
 * tables and key they had when they were the 审议's: one row per code, one counter per subject and
 * choice, and no row per vote, so no key, order or time ties a vote to a code, an account or a device.
 * A ballot of one subject names its counters by the bare choice, as before; with more subjects the
 * counter's name starts with the subject's number.
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

    public Optional<Ballot> find(String slug) {
        return jdbc.sql("select id, slug, title, subjects, choices, opens_on, status from poll where slug = :s")
                .param("s", slug).query((rs, n) -> new Ballot(rs.getLong(1), rs.getString(2), rs.getString(3),
                        split(rs.getString(4), "\n"), split(rs.getString(5), ","), rs.getDate(6).toLocalDate(),
                        "OPEN".equals(rs.getString(7))))
                .optional();
    }

    /** Inserts the ballot, its codes' hashes and a zero counter per subject and choice. */
    public void insert(BallotRequest r, String slug, List<String> normalisedCodes) {
        jdbc.sql("insert into poll (id, slug, title, subjects, choices, opens_on, status)"
                        + " values (:id, :s, :t, :subjects, :choices, :o, 'OPEN')")
                .param("id", r.id()).param("s", slug).param("t", r.title()).param("subjects", String.join("\n", r.subjects()))
                .param("choices", String.join(",", r.choices())).param("o", r.opensOn()).update();
        for (int s = 0; s < r.subjects().size(); s++) {
            for (String c : r.choices()) {
                jdbc.sql("insert into grading_ballot_tally (meeting_id, choice, n) values (:m, :c, 0)")
                        .param("m", r.id()).param("c", counter(r.subjects().size(), s, c)).update();
            }
        }
        for (String code : normalisedCodes) {
            jdbc.sql("insert into grading_ballot_code (meeting_id, code_hash, spent) values (:m, :h, false)")
                    .param("m", r.id()).param("h", hash(slug, code)).update();
        }
    }

    /**
     * Takes the ballot's row lock if it is open: votes and the close serialise on it, so no vote is
     * accepted after the count. Empty when the ballot is shut.
     */
    public Optional<Ballot> lockOpen(long id) {
        return jdbc.sql("select id from poll where id = :id and status = 'OPEN' for update").param("id", id)
                .query(Long.class).optional().flatMap(this::get);
    }

    /** Spends a code: true only if it belonged to the ballot and was not spent yet. */
    public boolean spend(Ballot b, String normalisedCode) {
        return !normalisedCode.isEmpty() && jdbc.sql("update grading_ballot_code set spent = true"
                        + " where meeting_id = :m and code_hash = :h and spent = false")
                .param("m", b.id()).param("h", hash(b.slug(), normalisedCode)).update() == 1;
    }

    /**
     * Adds one to the chosen counter of each subject while rewriting every counter of the ballot in the
     * same statement: PostgreSQL stamps each row written with the writing transaction, and the stamp then
     * says which code voted last, never how.
     */
    public void count(Ballot b, List<String> choices) {
        List<String> chosen = new ArrayList<>();
        for (int s = 0; s < choices.size(); s++) {
            chosen.add(counter(b.subjects().size(), s, choices.get(s)));
        }
        jdbc.sql("update grading_ballot_tally set n = n + case when choice in (:c) then 1 else 0 end where meeting_id = :m")
                .param("m", b.id()).param("c", chosen).update();
    }

    public Totals totals(Ballot b) {
        int issued = jdbc.sql("select count(*) from grading_ballot_code where meeting_id = :m").param("m", b.id())
                .query(Integer.class).single();
        int spent = jdbc.sql("select count(*) from grading_ballot_code where meeting_id = :m and spent = true")
                .param("m", b.id()).query(Integer.class).single();
        Map<String, Integer> counters = new LinkedHashMap<>();
        jdbc.sql("select choice, n from grading_ballot_tally where meeting_id = :m").param("m", b.id())
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
        return new Totals(issued, spent, bySubject);
    }

    /** Shuts the ballot; its codes go and its counters are rewritten in this transaction, leaving numbers only. */
    public void shut(Ballot b) {
        jdbc.sql("update poll set status = 'CLOSED' where id = :id").param("id", b.id()).update();
        jdbc.sql("delete from grading_ballot_code where meeting_id = :m").param("m", b.id()).update();
        jdbc.sql("update grading_ballot_tally set n = n where meeting_id = :m").param("m", b.id()).update();
    }

    /** The ballot by its id, without a lock. */
    public Optional<Ballot> get(long id) {
        return jdbc.sql("select slug from poll where id = :id").param("id", id).query(String.class).optional()
                .flatMap(this::find);
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
