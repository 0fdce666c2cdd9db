package cn.tierup.grading;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.OneTimeCodes;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.tierup.shared.crypto.MasterKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone ballot box of a 党员群众会议审议. A vote spends its code (one row: a keyed hash, spent) and adds
 * one to its choice while touching all three counters (同意/不同意/弃权) in the same transaction, and
 * nothing else: no row per vote, no time, no account, no address. Touching every counter matters on
 * PostgreSQL, which stamps each row written with the writing transaction: the stamp then says which
 * code voted last, never how. At close the codes are deleted and the counters rewritten, so a closed
 * ballot keeps three numbers and nothing else. Votes and close serialise on the meeting's row, so no
 * vote slips in after the count. Votes are not audited for the same reason.
 */
@Service
public class BallotBox {

    private final JdbcClient jdbc;
    private final SecretKeySpec codeKey;

    BallotBox(JdbcClient jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.codeKey = master.derive("ballot-codes");
    }

    /** What a voter sees: the organisation and the grade under review, and whether the box is open. */
    public record Ballot(String slug, String title, String proposedGrade, LocalDate heldOn, boolean open) {
    }

    public Optional<Ballot> find(String slug) {
        if (slug == null || !slug.matches("[a-z0-9]{6,16}")) {
            return Optional.empty();
        }
        return jdbc.sql("select slug, ballot_title, proposed_grade, held_on, status from grading_meeting where slug = :s")
                .param("s", slug)
                .query((rs, n) -> new Ballot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        "OPEN".equals(rs.getString(5))))
                .optional();
    }

    /** Casts one vote with one code. Refused, with nothing changed, if the box is shut or the code unknown or spent. */
    @Transactional
    public void vote(String slug, String code, String choice) {
        BallotChoice c;
        try {
            c = BallotChoice.valueOf(choice == null ? "" : choice);
        } catch (IllegalArgumentException e) {
            throw new DomainException("ballot.choice");
        }
        Ballot b = find(slug).orElseThrow(() -> new DomainException("ballot.unknown"));
        if (LocalDate.now().isBefore(b.heldOn())) {
            throw new DomainException("ballot.notYet", b.heldOn());
        }
        Long meeting = jdbc.sql("select id from grading_meeting where slug = :s and status = 'OPEN' for update").param("s", slug)
                .query(Long.class).optional().orElseThrow(() -> new DomainException("ballot.closed"));
        String normal = OneTimeCodes.normalise(code);
        int spent = normal.isEmpty() ? 0 : jdbc.sql("update grading_ballot_code set spent = true"
                        + " where meeting_id = :m and code_hash = :h and spent = false")
                .param("m", meeting).param("h", hash(slug, normal)).update();
        if (spent != 1) {
            throw new DomainException("ballot.code");
        }
        jdbc.sql("update grading_ballot_tally set n = n + case when choice = :c then 1 else 0 end where meeting_id = :m")
                .param("m", meeting).param("c", c.name()).update();
    }

    /** The box's counters: codes printed and spent, votes per choice (always adding up to the codes spent). */
    public record Count(int issued, int spent, int agree, int disagree, int abstain) {
    }

    /** Prints the codes of a new phone ballot: their hashes and three zero counters. */
    void open(long meetingId, String slug, List<String> codes) {
        jdbc.sql("insert into grading_ballot_tally (meeting_id, choice, n) values (:m, 'AGREE', 0), (:m, 'DISAGREE', 0), (:m, 'ABSTAIN', 0)")
                .param("m", meetingId).update();
        for (String code : codes) {
            jdbc.sql("insert into grading_ballot_code (meeting_id, code_hash, spent) values (:m, :h, false)")
                    .param("m", meetingId).param("h", hash(slug, OneTimeCodes.normalise(code))).update();
        }
    }

    /** Counts a running ballot after taking its meeting's lock, so that no vote is accepted and left uncounted. */
    Count countForClose(long meetingId) {
        jdbc.sql("select id from grading_meeting where id = :m for update").param("m", meetingId).query(Long.class).single();
        return count(meetingId);
    }

    /** Once the result is recorded: the codes go, the counters are rewritten in this transaction. */
    void seal(long meetingId) {
        jdbc.sql("delete from grading_ballot_code where meeting_id = :m").param("m", meetingId).update();
        jdbc.sql("update grading_ballot_tally set n = n where meeting_id = :m").param("m", meetingId).update();
    }

    /** Turnout of a running ballot (codes spent), for the clerk's screen. */
    int spent(long meetingId) {
        return count(meetingId).spent();
    }

    private Count count(long meetingId) {
        int issued = jdbc.sql("select count(*) from grading_ballot_code where meeting_id = :m").param("m", meetingId)
                .query(Integer.class).single();
        int spent = jdbc.sql("select count(*) from grading_ballot_code where meeting_id = :m and spent = true")
                .param("m", meetingId).query(Integer.class).single();
        int[] n = new int[3];
        jdbc.sql("select choice, n from grading_ballot_tally where meeting_id = :m").param("m", meetingId)
                .query(rs -> {
                    n[BallotChoice.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                });
        return new Count(issued, spent, n[0], n[1], n[2]);
    }

    /** Keyed with the installation's secret: the stored hashes of forty-bit codes cannot be searched offline. */
    private String hash(String slug, String code) {
        return MasterKey.hex(codeKey, slug + "\u0000" + code);
    }
}
