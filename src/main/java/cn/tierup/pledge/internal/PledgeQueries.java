package cn.tierup.pledge.internal;

import cn.tierup.shared.Satisfaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pledge module's SQL outside its JPA repositories: the satisfaction tallies and the browsers that
 * have rated (kept apart, so no rating can be traced to a browser), and the party members on a roll,
 * read from the organisation module's published view.
 */
@Component
public class PledgeQueries {

    private final JdbcClient jdbc;

    PledgeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A party member (正式 or 预备) still on an organisation's roll. */
    public record RollMember(long id, String name) {
    }

    /** The party members on an organisation's roll, by name. */
    public List<RollMember> partyMembers(long organizationId) {
        return jdbc.sql("select id, name from member_roll_view where organization_id = :o and status = 'ACTIVE'"
                        + " and category in ('FULL', 'PROBATIONARY') order by name_key, name")
                .param("o", organizationId).query((rs, n) -> new RollMember(rs.getLong(1), rs.getString(2))).list();
    }

    /** The name of a party member on the roll of that organisation, if they are on it. */
    public Optional<String> partyMemberName(long memberId, long organizationId) {
        return jdbc.sql("select name from member_roll_view where id = :m and organization_id = :o and status = 'ACTIVE'"
                        + " and category in ('FULL', 'PROBATIONARY')")
                .param("m", memberId).param("o", organizationId).query(String.class).optional();
    }

    /** A new board's tally: one counter per choice, at zero. */
    public void openTally(long boardId) {
        for (Satisfaction s : Satisfaction.values()) {
            jdbc.sql("insert into pledge_rating_tally (board_id, choice, n) values (:b, :c, 0)")
                    .param("b", boardId).param("c", s.name()).update();
        }
    }

    public Map<Satisfaction, Long> ratings(long boardId) {
        Map<Satisfaction, Long> m = Satisfaction.noRatings();
        jdbc.sql("select choice, n from pledge_rating_tally where board_id = :b").param("b", boardId)
                .query(rs -> {
                    m.put(Satisfaction.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return m;
    }

    /** Adds a counted rating's totals to the board's. */
    public void addTally(long boardId, long satisfied, long fairly, long dissatisfied) {
        jdbc.sql("update pledge_rating_tally set n = n + case choice when 'SATISFIED' then :s when 'FAIRLY_SATISFIED' then :f else :d end"
                        + " where board_id = :b")
                .param("s", satisfied).param("f", fairly).param("d", dissatisfied).param("b", boardId).update();
    }

    /** Adds a counted rating's totals for one member's pledge to what earlier counts gave it. */
    public void addMemberTally(long boardId, long pledgeId, long satisfied, long fairly, long dissatisfied) {
        int updated = jdbc.sql("update pledge_member_rating set satisfied = satisfied + :s, fairly_satisfied = fairly_satisfied + :f,"
                        + " dissatisfied = dissatisfied + :d where pledge_id = :p")
                .param("s", satisfied).param("f", fairly).param("d", dissatisfied).param("p", pledgeId).update();
        if (updated == 0) {
            jdbc.sql("insert into pledge_member_rating (pledge_id, board_id, satisfied, fairly_satisfied, dissatisfied)"
                            + " values (:p, :b, :s, :f, :d)")
                    .param("p", pledgeId).param("b", boardId).param("s", satisfied).param("f", fairly).param("d", dissatisfied)
                    .update();
        }
    }

    /** The counted totals of each member's pledge of a board that has been rated: pledge id → {满意, 基本满意, 不满意}. */
    public Map<Long, long[]> memberRatings(long boardId) {
        Map<Long, long[]> m = new java.util.HashMap<>();
        jdbc.sql("select pledge_id, satisfied, fairly_satisfied, dissatisfied from pledge_member_rating where board_id = :b")
                .param("b", boardId)
                .query(rs -> {
                    m.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return m;
    }

    /** Sets the whole tally at once: the demo data set's past ratings only. */
    public void setTally(long boardId, long satisfied, long fairly, long dissatisfied) {
        jdbc.sql("update pledge_rating_tally set n = case choice when 'SATISFIED' then :s when 'FAIRLY_SATISFIED' then :f else :d end"
                        + " where board_id = :b")
                .param("s", satisfied).param("f", fairly).param("d", dissatisfied).param("b", boardId).update();
    }

    public boolean hasRated(long boardId, String tokenHash) {
        return jdbc.sql("select count(*) from pledge_rating_seen where board_id = :b and token_hash = :h")
                .param("b", boardId).param("h", tokenHash).query(Long.class).single() > 0;
    }

    /** Marks a browser as having rated; a second time fails on the key (DuplicateKeyException). */
    public void markRated(long boardId, String tokenHash) {
        jdbc.sql("insert into pledge_rating_seen (board_id, token_hash) values (:b, :h)")
                .param("b", boardId).param("h", tokenHash).update();
    }
}
