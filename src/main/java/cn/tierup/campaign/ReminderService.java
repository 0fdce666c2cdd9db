package cn.tierup.campaign;

import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reminders (催办) a superior sends down; the organisation sees them on its home page. No e-mail. */
@Service
public class ReminderService {

    private final JdbcClient jdbc;
    private final ScopeGuard guard;
    private final CampaignService campaigns;
    private final OrganizationDirectory directory;
    private final AuditRecorder audit;

    ReminderService(JdbcClient jdbc, ScopeGuard guard, CampaignService campaigns, OrganizationDirectory directory,
                    AuditRecorder audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.campaigns = campaigns;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional
    public ReminderView send(long campaignId, long toOrganizationId, String message) {
        guard.requireBelow(Permission.CAMPAIGN_READ, toOrganizationId);
        campaigns.get(campaignId);
        if (!campaigns.takesPart(campaignId, toOrganizationId)) {
            throw new DomainException("campaign.notParticipant");
        }
        String text = message == null || message.isBlank() ? "请按时完成本阶段的工作。" : message.strip();
        if (text.length() > 300) {
            throw new DomainException("field.tooLong");
        }
        long from = guard.currentUser().organizationId();
        jdbc.sql("insert into reminder (campaign_id, from_organization_id, to_organization_id, message, sent_by, sent_at)"
                        + " values (:c, :f, :t, :m, :by, :at)")
                .param("c", campaignId).param("f", from).param("t", toOrganizationId).param("m", text)
                .param("by", Actors.current()).param("at", Timestamp.valueOf(LocalDateTime.now())).update();
        String toName = directory.find(toOrganizationId).map(OrganizationDirectory.OrgRef::name).orElse("");
        audit.record("Reminder", null, toOrganizationId, "SEND", "向 " + toName + " 发送提醒：" + text, null, null);
        return inbox(campaignId, toOrganizationId, true).get(0);
    }

    /** Reminders to the user's organisation in this campaign, newest first. */
    @Transactional(readOnly = true)
    public List<ReminderView> mine(long campaignId) {
        long org = guard.currentUser().organizationId();
        guard.require(Permission.CAMPAIGN_READ, org);
        return inbox(campaignId, org, false);
    }

    @Transactional
    public void markRead(long reminderId) {
        Long to = jdbc.sql("select to_organization_id from reminder where id = :id").param("id", reminderId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("reminder", reminderId));
        guard.require(Permission.CAMPAIGN_READ, to);
        if (to != guard.currentUser().organizationId()) {
            throw new org.springframework.security.access.AccessDeniedException("not the recipient");
        }
        jdbc.sql("update reminder set read_at = :at where id = :id and read_at is null")
                .param("at", Timestamp.valueOf(LocalDateTime.now())).param("id", reminderId).update();
    }

    private List<ReminderView> inbox(long campaignId, long org, boolean includeRead) {
        return jdbc.sql("select r.*, f.name as from_name, t.name as to_name from reminder r"
                        + " join org_tree_view f on f.id = r.from_organization_id join org_tree_view t on t.id = r.to_organization_id"
                        + " where r.campaign_id = :c and r.to_organization_id = :t" + (includeRead ? "" : " and r.read_at is null")
                        + " order by r.sent_at desc, r.id desc")
                .param("c", campaignId).param("t", org)
                .query((rs, i) -> new ReminderView(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("from_organization_id"),
                        rs.getString("from_name"), rs.getLong("to_organization_id"), rs.getString("to_name"),
                        rs.getString("message"), rs.getString("sent_by"), rs.getTimestamp("sent_at").toLocalDateTime(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toLocalDateTime()))
                .list();
    }
}
