package cn.tierup.campaign;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationRow;
import cn.tierup.organization.OrganizationService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the home page of the campaign from what the phase's modules report. */
@Service
public class CampaignDesk {

    private final CampaignService campaigns;
    private final ReminderService reminders;
    private final OrganizationService organizations;
    private final List<ObligationSource> sources;
    private final ScopeGuard guard;

    CampaignDesk(CampaignService campaigns, ReminderService reminders, OrganizationService organizations,
                 List<ObligationSource> sources, ScopeGuard guard) {
        this.campaigns = campaigns;
        this.reminders = reminders;
        this.organizations = organizations;
        this.sources = sources;
        this.guard = guard;
    }

    @Transactional(readOnly = true)
    public Optional<Desk> desk() {
        return campaigns.current().map(c -> desk(c, c.current()));
    }

    /** The desk of the user's organisation in a campaign and phase (the current one by default). */
    @Transactional(readOnly = true)
    public Desk desk(CampaignView campaign, Phase phase) {
        long me = guard.currentUser().organizationId();
        guard.require(Permission.CAMPAIGN_READ, me);
        LocalDate today = LocalDate.now();
        List<Obligation> own = phase == null ? List.of() : obligations(campaign, phase, List.of(me));
        List<OrganizationRow> kids = organizations.children(me, false);
        List<Desk.ChildProgress> children = new ArrayList<>();
        if (phase != null && !kids.isEmpty()) {
            Map<Long, List<Obligation>> byOrg = obligations(campaign, phase, kids.stream().map(OrganizationRow::id).toList())
                    .stream().collect(Collectors.groupingBy(Obligation::organizationId));
            for (OrganizationRow k : kids) {
                children.add(new Desk.ChildProgress(k.id(), k.name(), byOrg.getOrDefault(k.id(), List.of())));
            }
        }
        return new Desk(campaign, phase, today, own, children, reminders.mine(campaign.id()));
    }

    private List<Obligation> obligations(CampaignView campaign, Phase phase, List<Long> orgIds) {
        List<Obligation> out = new ArrayList<>();
        for (ObligationSource s : sources) {
            if (s.phase() == phase) {
                out.addAll(s.obligations(campaign, orgIds));
            }
        }
        return out;
    }
}
