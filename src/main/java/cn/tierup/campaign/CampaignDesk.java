package cn.tierup.campaign;

import cn.tierup.campaign.internal.CampaignQueries;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationRow;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.FigureKeeping;
import cn.tierup.shared.KeptFigures;
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
    private final List<OpenWorkSource> openSources;
    private final ScopeGuard guard;
    private final OrganizationDirectory directory;
    private final CampaignQueries queries;
    /** The root's totals of every phase over its whole tree: kept when a count is slow (a province's 100,000). */
    private final KeptFigures<Long, List<Outlook.PhaseTotals>> rootTotals;

    CampaignDesk(CampaignService campaigns, ReminderService reminders, OrganizationService organizations,
                 List<ObligationSource> sources, List<OpenWorkSource> openSources, ScopeGuard guard,
                 OrganizationDirectory directory, CampaignQueries queries, FigureKeeping keeping) {
        this.campaigns = campaigns;
        this.reminders = reminders;
        this.organizations = organizations;
        this.sources = sources;
        this.openSources = openSources.stream().sorted(java.util.Comparator.comparing(OpenWorkSource::kind)).toList();
        this.guard = guard;
        this.directory = directory;
        this.queries = queries;
        this.rootTotals = keeping.keeper("the root's phase totals");
    }

    /** How many pieces of one kind of open work the home page lists before "and N more". */
    static final int SHOWN = 5;

    /**
     * The home page's outlook beside the desk of {@code current} (the user's current campaign): the next phase and
     * what the organisation will owe in it, what earlier campaigns left open in its subtree, and for the campaign's
     * root every phase's totals over the whole tree.
     */
    @Transactional(readOnly = true)
    public Outlook outlook(CampaignView current) {
        long me = guard.currentUser().organizationId();
        guard.require(Permission.CAMPAIGN_READ, me);
        LocalDate today = LocalDate.now();
        List<CampaignView> all = campaigns.list();
        String myPath = directory.find(me).map(OrganizationDirectory.OrgRef::path).orElseThrow();
        List<Outlook.EarlierYear> earlier = new ArrayList<>();
        for (CampaignView c : all) {
            if (c.year() >= current.year() || c.id() == current.id()) {
                continue;
            }
            List<Outlook.OpenGroup> groups = new ArrayList<>();
            for (OpenWorkSource s : openSources) {
                List<OpenWork> open = s.open(c, myPath, today);
                if (!open.isEmpty()) {
                    groups.add(new Outlook.OpenGroup(s.kind(), open.size(), open.subList(0, Math.min(SHOWN, open.size())),
                            s.overview(c)));
                }
            }
            if (!groups.isEmpty()) {
                earlier.add(new Outlook.EarlierYear(c, groups));
            }
        }
        if (me != current.rootOrganizationId()) {
            return new Outlook(next(current, all, me), earlier, List.of());
        }
        KeptFigures.Kept<List<Outlook.PhaseTotals>> count = rootTotals.get(current.id(), () -> totals(current, myPath, today));
        boolean kept = count.slow();
        return new Outlook(next(current, all, me), earlier, count.value(), kept ? count.at() : null, kept ? count.seconds() : 0,
                kept ? count.renewMinutes() : 0);
    }

    /** Every phase's totals over the whole tree under the root's path. */
    private List<Outlook.PhaseTotals> totals(CampaignView current, String rootPath, LocalDate today) {
        List<Long> everyone = queries.activeIdsUnder(rootPath);
        List<Outlook.PhaseTotals> t = new ArrayList<>();
        for (Phase p : Phase.values()) {
            boolean counted = sources.stream().anyMatch(s -> s.phase() == p);
            List<Obligation> owed = obligations(current, p, everyone);
            t.add(new Outlook.PhaseTotals(p, current.status().get(p), current.phases().get(p),
                    owed.stream().map(Obligation::organizationId).distinct().count(), owed.size(),
                    owed.stream().filter(o -> o.status().handedIn()).count(),
                    owed.stream().filter(o -> o.status() == ObligationStatus.ACCEPTED).count(),
                    owed.stream().filter(o -> o.overdue(today)).count(), counted));
        }
        return t;
    }

    /** The next phase to start: in this campaign, else the first of the next year's, else none scheduled. */
    private Outlook.NextStep next(CampaignView current, List<CampaignView> all, long me) {
        for (Phase p : Phase.values()) {
            if (current.status().get(p) == PhaseStatus.NOT_STARTED) {
                return new Outlook.NextStep(current, p, current.phases().get(p), obligations(current, p, List.of(me)));
            }
        }
        return all.stream().filter(c -> c.year() > current.year() && c.status().get(Phase.SURVEY) == PhaseStatus.NOT_STARTED)
                .min(java.util.Comparator.comparingInt(CampaignView::year))
                .map(c -> new Outlook.NextStep(c, Phase.SURVEY, c.phases().get(Phase.SURVEY), obligations(c, Phase.SURVEY, List.of(me))))
                .orElse(new Outlook.NextStep(current, null, null, List.of()));
    }

    @Transactional(readOnly = true)
    public Optional<Desk> desk() {
        return desk(null);
    }

    /**
     * The desk in the campaign asked for (a link to an earlier year's work or reminder), when it is one of the user's
     * campaigns; else in the current one.
     */
    @Transactional(readOnly = true)
    public Optional<Desk> desk(Long campaignId) {
        Optional<CampaignView> current = campaigns.current();
        if (current.isEmpty() || campaignId == null) {
            return current.map(c -> desk(c, c.current()));
        }
        return campaigns.list().stream().filter(c -> c.id() == campaignId).findFirst().or(() -> current)
                .map(c -> desk(c, c.current()));
    }

    /** The desk of the user's organisation in a campaign and phase (the current one by default). */
    @Transactional(readOnly = true)
    public Desk desk(CampaignView campaign, Phase phase) {
        long me = guard.currentUser().organizationId();
        guard.require(Permission.CAMPAIGN_READ, me);
        LocalDate today = LocalDate.now();
        List<Obligation> own = phase == null ? List.of() : obligations(campaign, phase, List.of(me));
        List<OrganizationRow> kids = organizations.childList(me);
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

    /** An organisation with the work it owes in a campaign past the due date and still not handed in. */
    public record Overdue(long organizationId, String name, List<Obligation> obligations) {
    }

    /**
     * The organisations on or under one (not retired) with work overdue in any phase of the campaign — the home pages'
     * 逾期 — in the tree's order: each phase's module asked once for the whole subtree, never once per organisation.
     */
    @Transactional(readOnly = true)
    public List<Overdue> overdue(CampaignView campaign, long organizationId) {
        String path = guard.require(Permission.CAMPAIGN_READ, organizationId).path();
        // only the part of the subtree that takes part in the campaign owes it anything
        String root = directory.find(campaign.rootOrganizationId()).map(OrganizationDirectory.OrgRef::path).orElseThrow();
        if (!path.startsWith(root)) {
            if (!root.startsWith(path)) {
                return List.of();
            }
            path = root;
        }
        LocalDate today = LocalDate.now();
        Map<Long, String> names = queries.activeNamesUnder(path);
        List<Long> ids = new ArrayList<>(names.keySet());
        Map<Long, List<Obligation>> byOrg = new java.util.HashMap<>();
        for (Phase p : Phase.values()) {
            for (Obligation o : obligations(campaign, p, ids)) {
                if (o.overdue(today)) {
                    byOrg.computeIfAbsent(o.organizationId(), k -> new ArrayList<>()).add(o);
                }
            }
        }
        return names.entrySet().stream().filter(e -> byOrg.containsKey(e.getKey()))
                .map(e -> new Overdue(e.getKey(), e.getValue(), byOrg.get(e.getKey()))).toList();
    }

    private List<Obligation> obligations(CampaignView campaign, Phase phase, List<Long> orgIds) {
        List<Obligation> out = new ArrayList<>();
        for (ObligationSource s : sources) {
            if (s.phase() == phase) {
                // a province's root asks for every organisation (100,000): PostgreSQL's driver takes at most 65,535
                // values in one statement, so the sources are asked a slice at a time
                for (int from = 0; from < orgIds.size(); from += SLICE) {
                    out.addAll(s.obligations(campaign, orgIds.subList(from, Math.min(orgIds.size(), from + SLICE))));
                }
            }
        }
        return out;
    }

    /** How many organisations an obligation source is asked about at once. */
    static final int SLICE = 10_000;
}
