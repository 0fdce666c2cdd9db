package cn.tierup.grading;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.OneTimeCodes;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone ballot box of a 党员群众会议审议. A vote spends its code (one row: hash, spent) and adds one to
 * a counter (同意/不同意/弃权) in the same transaction, and nothing else: no row per vote, no time, no
 * account, no address — so nothing stored can say how a code, a person or a device voted, and the votes
 * counted can never exceed the codes spent. Votes are not audited for the same reason.
 */
@Service
public class BallotBox {

    private final JdbcClient jdbc;

    BallotBox(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        if (!b.open()) {
            throw new DomainException("ballot.closed");
        }
        if (LocalDate.now().isBefore(b.heldOn())) {
            throw new DomainException("ballot.notYet", b.heldOn());
        }
        Long meeting = jdbc.sql("select id from grading_meeting where slug = :s and status = 'OPEN'").param("s", slug)
                .query(Long.class).optional().orElseThrow(() -> new DomainException("ballot.closed"));
        String normal = OneTimeCodes.normalise(code);
        int spent = normal.isEmpty() ? 0 : jdbc.sql("update grading_ballot_code set spent = true"
                        + " where meeting_id = :m and code_hash = :h and spent = false")
                .param("m", meeting).param("h", OneTimeCodes.hash(slug, normal)).update();
        if (spent != 1) {
            throw new DomainException("ballot.code");
        }
        jdbc.sql("update grading_ballot_tally set n = n + 1 where meeting_id = :m and choice = :c")
                .param("m", meeting).param("c", c.name()).update();
    }

    /** The box's counters: codes spent and votes per choice (always adding up to the codes spent). */
    public record Count(int issued, int spent, int agree, int disagree, int abstain) {
    }

    static Count count(JdbcClient jdbc, long meetingId) {
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

    static void insertCodes(JdbcClient jdbc, List<Object[]> rows) {
        for (Object[] r : rows) {
            jdbc.sql("insert into grading_ballot_code (meeting_id, code_hash, spent) values (?, ?, false)")
                    .params(r[0], r[1]).update();
        }
    }
}
