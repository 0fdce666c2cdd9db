package cn.tierup.reporting.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The issued 情况通报 (table dashboard_bulletin): written once when issued, never changed. */
@Component
public class BulletinStore {

    private final JdbcClient jdbc;

    BulletinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A bulletin as listed: everything but the document's bytes. */
    public record Issued(long id, long campaignId, long organizationId, int number, String title, LocalDate periodFrom,
                         LocalDateTime issuedAt, String issuedByName, String laggards) {
    }

    private static final String COLUMNS = "id, campaign_id, organization_id, issue_number, title, period_from, issued_at,"
            + " issued_by_name, laggards";

    private static Issued row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Issued(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getTimestamp(7).toLocalDateTime(), rs.getString(8), rs.getString(9));
    }

    /** The organisation's bulletins in the campaign, the latest first. */
    public List<Issued> of(long campaignId, long organizationId) {
        return jdbc.sql("select " + COLUMNS + " from dashboard_bulletin where campaign_id = :c and organization_id = :o"
                        + " order by issue_number desc")
                .param("c", campaignId).param("o", organizationId).query((rs, n) -> row(rs)).list();
    }

    public Optional<Issued> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from dashboard_bulletin where id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    public byte[] document(long id) {
        return jdbc.sql("select document from dashboard_bulletin where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    /**
     * Stores a bulletin; the unique (campaign, organisation, number) turns a second issue of the same number (two
     * offices pressing at once) into a refused duplicate rather than two 第N期.
     */
    public long insert(long campaignId, long organizationId, int number, String title, LocalDate periodFrom,
                       LocalDateTime issuedAt, long issuedByAccount, String issuedByName, String laggards, byte[] document) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into dashboard_bulletin (campaign_id, organization_id, issue_number, title, period_from, issued_at,"
                        + " issued_by_account, issued_by_name, laggards, document) values (:c, :o, :n, :t, :p, :at, :by, :name,"
                        + " :lag, :doc)")
                .param("c", campaignId).param("o", organizationId).param("n", number).param("t", title)
                .param("p", java.sql.Date.valueOf(periodFrom)).param("at", java.sql.Timestamp.valueOf(issuedAt))
                .param("by", issuedByAccount).param("name", issuedByName).param("lag", laggards).param("doc", document)
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
