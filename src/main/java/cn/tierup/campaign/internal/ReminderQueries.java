package cn.tierup.campaign.internal;

import cn.tierup.campaign.ReminderView;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL over reminder. Who may send or read is decided by {@code ReminderService} before it calls here. */
@Repository
public class ReminderQueries {

    private final JdbcClient jdbc;

    public ReminderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long campaignId, long fromOrganizationId, long toOrganizationId, String message, String sentBy,
                       LocalDateTime sentAt) {
        jdbc.sql("insert into reminder (campaign_id, from_organization_id, to_organization_id, message, sent_by, sent_at)"
                        + " values (:c, :f, :t, :m, :by, :at)")
                .param("c", campaignId).param("f", fromOrganizationId).param("t", toOrganizationId).param("m", message)
                .param("by", sentBy).param("at", Timestamp.valueOf(sentAt)).update();
    }

    /** The organisation a reminder was sent to; empty when there is no such reminder. */
    public Optional<Long> recipient(long reminderId) {
        return jdbc.sql("select to_organization_id from reminder where id = :id").param("id", reminderId)
                .query(Long.class).optional();
    }

    /** Marks the reminder read, unless it already was (the first reading time stays). */
    public void markRead(long reminderId, LocalDateTime at) {
        jdbc.sql("update reminder set read_at = :at where id = :id and read_at is null")
                .param("at", Timestamp.valueOf(at)).param("id", reminderId).update();
    }

    /** Reminders to the organisation in the campaign, newest first; only unread ones unless {@code includeRead}. */
    public List<ReminderView> inbox(long campaignId, long organizationId, boolean includeRead) {
        return jdbc.sql("select r.*, f.name as from_name, t.name as to_name from reminder r"
                        + " join org_tree_view f on f.id = r.from_organization_id join org_tree_view t on t.id = r.to_organization_id"
                        + " where r.campaign_id = :c and r.to_organization_id = :t" + (includeRead ? "" : " and r.read_at is null")
                        + " order by r.sent_at desc, r.id desc")
                .param("c", campaignId).param("t", organizationId)
                .query((rs, i) -> new ReminderView(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("from_organization_id"),
                        rs.getString("from_name"), rs.getLong("to_organization_id"), rs.getString("to_name"),
                        rs.getString("message"), rs.getString("sent_by"), rs.getTimestamp("sent_at").toLocalDateTime(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toLocalDateTime()))
                .list();
    }
}
