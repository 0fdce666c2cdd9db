package cn.tierup.identity.internal;

import cn.tierup.identity.LoginAlert;
import cn.tierup.identity.LoginThrottlePolicy;
import cn.tierup.identity.LoginThrottlePolicy.Tally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The throttle state in {@code login_throttle}, one row per name and address plus one per name over all addresses
 * ({@link LoginThrottlePolicy#ALL_ADDRESSES}), shared by every instance. Each write is one statement outside any
 * transaction: a tally is replaced only if its revision is still the one read (compare and set), so parallel
 * logins of one account never fail each other and never count a wrong password twice or not at all; the caller
 * reads again and retries. The rule itself is {@link LoginThrottlePolicy}'s; nothing here decides.
 */
@Repository
public class LoginThrottles {

    /** A tally as stored, with the revision a replacement must match. */
    public record Row(Tally tally, long revision) {
    }

    /** The pair's row and the name's row over all addresses; a missing one is null. */
    public record Rows(Row pair, Row account) {

        public Tally pairTally() {
            return pair == null ? Tally.NONE : pair.tally();
        }

        public Tally accountTally() {
            return account == null ? Tally.NONE : account.tally();
        }
    }

    /** A known account's sustained tally, for the administrator's notice. */
    public record Watched(long accountId, String username, String displayName, int failures, LocalDateTime since,
                          LocalDateTime last, LocalDateTime nextAttemptAt) {
    }

    private static final String COLUMNS = "address, failures, first_failure_at, last_failure_at, next_attempt_at,"
            + " last_success_at, revision";

    private final JdbcClient jdbc;

    public LoginThrottles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Rows find(LoginKey key) {
        Row pair = null;
        Row account = null;
        for (Object[] r : jdbc.sql("select " + COLUMNS + " from login_throttle where username = :name"
                        + " and address in (:address, :all)")
                .param("name", key.name()).param("address", key.address())
                .param("all", LoginThrottlePolicy.ALL_ADDRESSES)
                .query((rs, i) -> new Object[] {rs.getString("address"), row(rs)}).list()) {
            if (LoginThrottlePolicy.ALL_ADDRESSES.equals(r[0])) {
                account = (Row) r[1];
            } else {
                pair = (Row) r[1];
            }
        }
        return new Rows(pair, account);
    }

    /**
     * Replaces {@code expected} (null: no row yet) by {@code next}; false if another login changed or created the
     * row meanwhile.
     */
    public boolean replace(String name, String address, Row expected, Tally next, LocalDateTime now) {
        if (expected == null) {
            try {
                jdbc.sql("insert into login_throttle (username, address, failures, first_failure_at, last_failure_at,"
                                + " next_attempt_at, last_success_at, touched_at, revision)"
                                + " values (:name, :address, :failures, :first, :last, :next, :success, :now, 0)")
                        .param("name", name).param("address", address).params(values(next)).param("now", ts(now))
                        .update();
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return jdbc.sql("update login_throttle set failures = :failures, first_failure_at = :first,"
                        + " last_failure_at = :last, next_attempt_at = :next, last_success_at = :success,"
                        + " touched_at = :now, revision = revision + 1"
                        + " where username = :name and address = :address and revision = :revision")
                .param("name", name).param("address", address).params(values(next)).param("now", ts(now))
                .param("revision", expected.revision()).update() == 1;
    }

    /** Forgets a name's wrong passwords at every address and over all; the addresses it signed in from stay known. */
    public int clear(String name) {
        int deleted = jdbc.sql("delete from login_throttle where username = :name and last_success_at is null")
                .param("name", name).update();
        return deleted + jdbc.sql("update login_throttle set failures = 0, first_failure_at = null,"
                        + " last_failure_at = null, next_attempt_at = null, revision = revision + 1"
                        + " where username = :name and failures <> 0")
                .param("name", name).update();
    }

    /** Whether some address, or every stranger, has to wait before trying the name again. */
    public boolean holdsBack(String name, LocalDateTime now) {
        return jdbc.sql("select count(*) from login_throttle where username = :name and next_attempt_at > :now")
                .param("name", name).param("now", ts(now)).query(Long.class).single() > 0;
    }

    /**
     * Known accounts at organisations matching {@code scopePattern} whose tally over all addresses reached
     * {@code minFailures} since {@code since}, most recent first.
     */
    public List<Watched> watched(String scopePattern, int minFailures, LocalDateTime since, int limit) {
        return jdbc.sql("select a.id, a.username, a.display_name, t.failures, t.first_failure_at, t.last_failure_at,"
                        + " t.next_attempt_at from login_throttle t join account a on a.username = t.username"
                        + " join org_tree_view o on o.id = a.organization_id"
                        + " where t.address = :all and t.failures >= :min and t.last_failure_at >= :since"
                        + " and o.path like :scope order by t.last_failure_at desc, a.username limit :limit")
                .param("all", LoginThrottlePolicy.ALL_ADDRESSES).param("min", minFailures).param("since", ts(since))
                .param("scope", scopePattern).param("limit", limit)
                .query((rs, i) -> new Watched(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getInt("failures"), time(rs, "first_failure_at"), time(rs, "last_failure_at"),
                        time(rs, "next_attempt_at")))
                .list();
    }

    /** The addresses wrong passwords for the name came from since {@code since}, most first. */
    public List<LoginAlert.Source> addresses(String name, LocalDateTime since, int limit) {
        return jdbc.sql("select address, failures, first_failure_at from login_throttle where username = :name"
                        + " and address <> :all and failures > 0 and last_failure_at >= :since"
                        + " order by failures desc, address limit :limit")
                .param("name", name).param("all", LoginThrottlePolicy.ALL_ADDRESSES).param("since", ts(since))
                .param("limit", limit)
                .query((rs, i) -> new LoginAlert.Source(rs.getString("address"), rs.getInt("failures"),
                        time(rs, "first_failure_at")))
                .list();
    }

    /**
     * Deletes what the rule no longer needs — wrong passwords forgotten, no recent right one, no wait running — and
     * then, if more than {@code maxRows} are left, the least recently touched beyond that number. Returns the rows
     * deleted.
     */
    public int purge(LocalDateTime forgetBefore, LocalDateTime distrustBefore, LocalDateTime now, int maxRows) {
        int deleted = jdbc.sql("delete from login_throttle where touched_at < :forget"
                        + " and (last_failure_at is null or last_failure_at < :forget)"
                        + " and (last_success_at is null or last_success_at < :distrust)"
                        + " and (next_attempt_at is null or next_attempt_at <= :now)")
                .param("forget", ts(forgetBefore)).param("distrust", ts(distrustBefore)).param("now", ts(now))
                .update();
        List<LocalDateTime> cutoff = jdbc.sql("select touched_at from login_throttle order by touched_at desc"
                        + " limit 1 offset :max")
                .param("max", maxRows).query((rs, i) -> time(rs, "touched_at")).list();
        if (!cutoff.isEmpty()) {
            deleted += jdbc.sql("delete from login_throttle where touched_at <= :cutoff")
                    .param("cutoff", ts(cutoff.get(0))).update();
        }
        return deleted;
    }

    public long count() {
        return jdbc.sql("select count(*) from login_throttle").query(Long.class).single();
    }

    private static Map<String, Object> values(Tally t) {
        Map<String, Object> m = new HashMap<>();
        m.put("failures", t.failures());
        m.put("first", ts(t.firstFailureAt()));
        m.put("last", ts(t.lastFailureAt()));
        m.put("next", ts(t.nextAttemptAt()));
        m.put("success", ts(t.lastSuccessAt()));
        return m;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new Tally(rs.getInt("failures"), time(rs, "first_failure_at"), time(rs, "last_failure_at"),
                time(rs, "next_attempt_at"), time(rs, "last_success_at")), rs.getLong("revision"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    /** Typed, so that a null binds as a timestamp on both databases. */
    private static SqlParameterValue ts(LocalDateTime t) {
        return new SqlParameterValue(Types.TIMESTAMP, t == null ? null : Timestamp.valueOf(t));
    }
}
