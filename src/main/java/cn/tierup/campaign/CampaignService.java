package cn.tierup.campaign;

import cn.tierup.campaign.internal.CampaignQueries;
import cn.tierup.campaign.internal.CampaignRepository;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.StaleRecordException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening, copying and adjusting campaigns; finding the campaign an organisation takes part in. */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final ScopeGuard guard;
    private final OrganizationDirectory directory;
    private final AuditRecorder audit;
    private final CampaignQueries queries;

    CampaignService(CampaignRepository campaigns, ScopeGuard guard, OrganizationDirectory directory, AuditRecorder audit,
                    CampaignQueries queries) {
        this.campaigns = campaigns;
        this.guard = guard;
        this.directory = directory;
        this.audit = audit;
        this.queries = queries;
    }

    /** Campaigns the user takes part in (on a root above or at their organisation) or runs (below it). */
    @Transactional(readOnly = true)
    public List<CampaignView> list() {
        guard.scope(Permission.CAMPAIGN_READ);
        String path = myPath();
        List<Long> ids = queries.idsOnOrBelow(path);
        return ids.stream().map(id -> view(campaigns.findById(id).orElseThrow())).toList();
    }

    @Transactional(readOnly = true)
    public CampaignView get(long id) {
        return view(load(id));
    }

    /** The year of a campaign, for the public pages that name it (read without an account: a year is no secret). */
    @Transactional(readOnly = true)
    public int yearOf(long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign", id)).getYear();
    }

    /** The campaign as its manager sees it to change it: needs the right to manage campaigns on its root. */
    @Transactional(readOnly = true)
    public CampaignView toManage(long id) {
        Campaign c = load(id);
        guard.require(Permission.CAMPAIGN_MANAGE, c.getRootOrganizationId());
        return view(c);
    }

    /**
     * The campaign of the user's organisation for this year (the one of the highest root, if a town has
     * opened one of its own beside the city's), else the latest one it takes part in.
     */
    @Transactional(readOnly = true)
    public Optional<CampaignView> current() {
        if (guard.currentUserIfAny().filter(u -> u.has(Permission.CAMPAIGN_READ)).isEmpty()) {
            return Optional.empty();
        }
        return currentOf(list());
    }

    /**
     * The campaign a page opens, decided here for every page: the one asked for by id; else the user's campaign of
     * the year asked for; else the one the user chose before ({@code remembered}, while it is still theirs); else
     * the current one (none before any campaign is opened).
     */
    @Transactional(readOnly = true)
    public Optional<CampaignView> select(Long id, Integer year, Long remembered) {
        if (id != null) {
            return Optional.of(get(id));
        }
        if (guard.currentUserIfAny().filter(u -> u.has(Permission.CAMPAIGN_READ)).isEmpty()) {
            return Optional.empty();
        }
        List<CampaignView> all = list();
        Optional<CampaignView> chosen = Optional.empty();
        if (year != null) {
            chosen = all.stream().filter(c -> c.year() == year).findFirst();
        }
        if (chosen.isEmpty() && remembered != null) {
            chosen = all.stream().filter(c -> c.id() == remembered).findFirst();
        }
        return chosen.or(() -> currentOf(all));
    }

    /**
     * Of the user's campaigns, this year's, else the latest — among those the user's organisation takes part in (rooted
     * at or above it) before those it runs below it (a town's own campaign is not the city's current one).
     */
    private Optional<CampaignView> currentOf(List<CampaignView> all) {
        int year = LocalDate.now().getYear();
        String mine = myPath();
        List<CampaignView> takingPart = all.stream()
                .filter(c -> directory.find(c.rootOrganizationId()).map(r -> mine.startsWith(r.path())).orElse(false)).toList();
        List<CampaignView> first = takingPart.isEmpty() ? all : takingPart;
        return first.stream().filter(c -> c.year() == year).findFirst().or(() -> first.stream().findFirst());
    }

    /** The campaign asked for by id, else the user's current one (none before any campaign is opened). */
    @Transactional(readOnly = true)
    public Optional<CampaignView> chosenOrCurrent(Long id) {
        return id != null ? Optional.of(get(id)) : current();
    }

    @Transactional
    public CampaignView open(CampaignForm form) {
        OrgRef root = guard.require(Permission.CAMPAIGN_MANAGE, form.rootOrganizationId());
        if (campaigns.existsByRootOrganizationIdAndYear(root.id(), form.year())) {
            throw new DomainException("campaign.exists", form.year());
        }
        Campaign c = new Campaign(root.id(), form.year(), defaultName(form.name(), form.year()), form.schedule(), form.targets());
        c.changeModelLevels(form.countedModelLevels(), LocalDate.now());
        campaigns.saveAndFlush(c);
        audit.record("Campaign", c.getId(), root.id(), "CREATE", "开启活动 " + c.getName(), null, snapshot(c));
        return view(c);
    }

    /** The first year after the campaign's own for which its root has no campaign yet: what copying it offers. */
    @Transactional(readOnly = true)
    public int firstFreeYearAfter(long id) {
        Campaign c = load(id);
        int year = c.getYear() + 1;
        while (campaigns.existsByRootOrganizationIdAndYear(c.getRootOrganizationId(), year)) {
            year++;
        }
        return year;
    }

    /** Next year's campaign from an earlier one: same schedule a year on, same targets. */
    @Transactional
    public CampaignView copy(long fromId, int year, String name) {
        Campaign from = load(fromId);
        guard.require(Permission.CAMPAIGN_MANAGE, from.getRootOrganizationId());
        if (campaigns.existsByRootOrganizationIdAndYear(from.getRootOrganizationId(), year)) {
            throw new DomainException("campaign.exists", year);
        }
        Campaign c = from.copyFor(year, defaultName(name, year));
        campaigns.saveAndFlush(c);
        audit.record("Campaign", c.getId(), c.getRootOrganizationId(), "COPY",
                "由 " + from.getName() + " 复制开启 " + c.getName(), null, snapshot(c));
        return view(c);
    }

    /** Changes name, phase dates and targets; each only while the phase concerned has not started. */
    @Transactional
    public CampaignView update(long id, CampaignForm form) {
        Campaign c = load(id);
        guard.require(Permission.CAMPAIGN_MANAGE, c.getRootOrganizationId());
        if (form.version() == null || form.version() != c.getVersion()) {
            throw new StaleRecordException();
        }
        if (form.year() != c.getYear()) {
            throw new DomainException("campaign.year.fixed");
        }
        Map<String, Object> before = snapshot(c);
        LocalDate today = LocalDate.now();
        c.rename(defaultName(form.name(), c.getYear()));
        c.reschedule(form.schedule(), today);
        if (!form.targets().equals(c.getTargets())) {
            c.changeTargets(form.targets(), today);
        }
        c.changeModelLevels(form.countedModelLevels(), today);
        campaigns.saveAndFlush(c);
        audit.record("Campaign", id, c.getRootOrganizationId(), "UPDATE", "调整活动 " + c.getName(), before, snapshot(c));
        return view(c);
    }

    /** True when the organisation lies under the campaign's root (and so takes part in it). */
    @Transactional(readOnly = true)
    public boolean takesPart(long campaignId, long organizationId) {
        Campaign c = load(campaignId);
        String root = directory.find(c.getRootOrganizationId()).map(OrgRef::path).orElse("?");
        return directory.find(organizationId).map(o -> o.path().startsWith(root) && !o.retired()).orElse(false);
    }

    Campaign load(long id) {
        Campaign c = campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign", id));
        guard.scope(Permission.CAMPAIGN_READ);
        String root = directory.find(c.getRootOrganizationId()).map(OrgRef::path).orElse("?");
        String mine = myPath();
        if (!mine.startsWith(root) && !root.startsWith(mine)) {
            throw new AccessDeniedException("campaign out of scope");
        }
        return c;
    }

    private String myPath() {
        return directory.find(guard.currentUser().organizationId()).map(OrgRef::path)
                .orElseThrow(() -> new AccessDeniedException("no organisation"));
    }

    private static String defaultName(String name, int year) {
        return name == null || name.isBlank() ? year + "年度三分类三升级活动" : name;
    }

    CampaignView view(Campaign c) {
        LocalDate today = LocalDate.now();
        Map<Phase, Boolean> started = new EnumMap<>(Phase.class);
        Map<Phase, PhaseStatus> status = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            started.put(p, c.hasStarted(p, today));
            status.put(p, c.status(p, today));
        }
        String rootName = directory.find(c.getRootOrganizationId()).map(OrgRef::name).orElse("");
        return new CampaignView(c.getId(), c.getRootOrganizationId(), rootName, c.getYear(), c.getName(),
                c.getCopiedFromId(), c.getPhases(), started, c.getTargets(), c.currentPhase(today), c.getVersion(), status,
                c.finished(today), c.getModelLevels());
    }

    private static Map<String, Object> snapshot(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.getName());
        m.put("year", c.getYear());
        m.put("phases", c.getPhases());
        m.put("targets", c.getTargets());
        m.put("modelLevels", c.getModelLevels());
        return m;
    }
}
