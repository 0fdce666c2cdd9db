package cn.tierup.campaign;

import cn.tierup.shared.BoundedText;
import cn.tierup.campaign.internal.ReminderQueries;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reminders (催办) a superior sends down; the organisation sees them on its home page. No e-mail. */
@Service
public class ReminderService {

    private final ReminderQueries reminders;
    private final ScopeGuard guard;
    private final CampaignService campaigns;
    private final OrganizationDirectory directory;
    private final AuditRecorder audit;

    ReminderService(ReminderQueries reminders, ScopeGuard guard, CampaignService campaigns, OrganizationDirectory directory,
                    AuditRecorder audit) {
        this.reminders = reminders;
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
        BoundedText.LINE.optional(text, "field.tooLong");
        long from = guard.currentUser().organizationId();
        reminders.insert(campaignId, from, toOrganizationId, text, Actors.current(), LocalDateTime.now());
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
        Long to = reminders.recipient(reminderId).orElseThrow(() -> new NotFoundException("reminder", reminderId));
        guard.require(Permission.CAMPAIGN_READ, to);
        if (to != guard.currentUser().organizationId()) {
            throw new org.springframework.security.access.AccessDeniedException("not the recipient");
        }
        reminders.markRead(reminderId, LocalDateTime.now());
    }

    private List<ReminderView> inbox(long campaignId, long org, boolean includeRead) {
        return reminders.inbox(campaignId, org, includeRead);
    }
}
