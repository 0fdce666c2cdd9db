package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.SummaryQueries;
import cn.tierup.acceptance.internal.SummaryQueries.Unit;
import cn.tierup.acceptance.internal.SummaryRepository;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.People;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.StaleRecordException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the 工作总结: read it with the year's figures, write its parts, hand it in to the campaign root's
 * organisation department, which accepts or returns it. One transaction each, each change audited.
 */
@Service
public class WorkSummaries {

    private final SummaryRepository summaries;
    private final SummaryQueries queries;
    private final YearEndFigures figures;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final ScopeGuard guard;
    private final OrganizationDirectory directory;
    private final AuditRecorder audit;
    private final People people;
    private final Messages messages;

    WorkSummaries(SummaryRepository summaries, SummaryQueries queries, YearEndFigures figures, CampaignService campaigns,
                  PhaseWindows phaseWindows, ScopeGuard guard, OrganizationDirectory directory, AuditRecorder audit,
                  People people, Messages messages) {
        this.summaries = summaries;
        this.queries = queries;
        this.figures = figures;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.guard = guard;
        this.directory = directory;
        this.audit = audit;
        this.people = people;
        this.messages = messages;
    }

    /** The grading authorities of the campaign in the user's subtree, each with where its summary stands. */
    @Transactional(readOnly = true)
    public List<WorkSummaryRow> list(long campaignId) {
        var scope = guard.scope(Permission.CAMPAIGN_READ);
        CampaignView c = campaigns.get(campaignId);
        Map<Long, WorkSummary> byAuthority = summaries.findByCampaignId(campaignId).stream()
                .collect(Collectors.toMap(WorkSummary::getAuthorityOrganizationId, Function.identity()));
        LocalDate due = dueOn(c);
        List<WorkSummaryRow> out = new ArrayList<>();
        for (Unit a : queries.authorities(campaignId, c.rootOrganizationId())) {
            if (!a.path().startsWith(scope.path())) {
                continue;
            }
            WorkSummary s = byAuthority.get(a.id());
            WorkSummaryStatus status = s == null ? WorkSummaryStatus.DRAFT : s.getStatus();
            boolean root = a.id() == c.rootOrganizationId();
            boolean late = s != null && s.getHandedInAt() != null ? s.isHandedInLate()
                    : !root && LocalDate.now().isAfter(due);
            out.add(new WorkSummaryRow(a.id(), a.name(), root, status, statusName(s, root), s == null ? null : s.getHandedInAt(),
                    late, due));
        }
        return out;
    }

    /** The authority's summary with the figures as they are now. */
    @Transactional(readOnly = true)
    public WorkSummaryView get(long campaignId, long authorityId) {
        CampaignView c = campaigns.get(campaignId);
        OrgRef authority = readable(c, authorityId);
        WorkSummary s = summaries.findByCampaignIdAndAuthorityOrganizationId(campaignId, authorityId).orElse(null);
        return view(c, authority, s);
    }

    @Transactional
    public WorkSummaryView save(long campaignId, long authorityId, WorkSummaryText text) {
        CampaignView c = campaigns.get(campaignId);
        WorkSummary s = writable(c, authorityId, text.version());
        Map<String, Object> before = s.getId() == null ? null : snapshot(s);
        s.write(text, Actors.current(), LocalDateTime.now());
        summaries.saveAndFlush(s);
        audit.record("WorkSummary", s.getId(), authorityId, before == null ? "CREATE" : "UPDATE", "保存工作总结", before,
                snapshot(s));
        return get(campaignId, authorityId);
    }

    /** Saves the parts (when given) and hands the summary in, in one step. */
    @Transactional
    public WorkSummaryView handIn(long campaignId, long authorityId, WorkSummaryText text) {
        CampaignView c = campaigns.get(campaignId);
        WorkSummary s = writable(c, authorityId, text == null ? null : text.version());
        WorkSummaryPolicy.checkHandIn(authorityId, c.rootOrganizationId());
        Map<String, Object> before = s.getId() == null ? null : snapshot(s);
        LocalDateTime now = LocalDateTime.now();
        if (text != null) {
            s.write(text, Actors.current(), now);
        }
        s.handIn(Actors.current(), now, dueOn(c));
        summaries.saveAndFlush(s);
        audit.record("WorkSummary", s.getId(), authorityId, "SUBMIT", "报送工作总结（第 " + s.getHandIns() + " 次"
                + (s.isHandedInLate() ? "，逾期" : "") + "）", before, snapshot(s));
        return get(campaignId, authorityId);
    }

    @Transactional
    public WorkSummaryView accept(long campaignId, long authorityId) {
        CampaignView c = campaigns.get(campaignId);
        WorkSummary s = reviewable(c, authorityId);
        Map<String, Object> before = snapshot(s);
        s.accept(Actors.current(), LocalDateTime.now());
        summaries.saveAndFlush(s);
        audit.record("WorkSummary", s.getId(), authorityId, "ACCEPT", "通过工作总结", before, snapshot(s));
        return get(campaignId, authorityId);
    }

    @Transactional
    public WorkSummaryView returnForRevision(long campaignId, long authorityId, String reason) {
        CampaignView c = campaigns.get(campaignId);
        WorkSummary s = reviewable(c, authorityId);
        Map<String, Object> before = snapshot(s);
        s.returnForRevision(reason, Actors.current(), LocalDateTime.now());
        summaries.saveAndFlush(s);
        audit.record("WorkSummary", s.getId(), authorityId, "RETURN", "退回工作总结：" + s.getReturnedReason(), before,
                snapshot(s));
        return get(campaignId, authorityId);
    }

    private OrgRef readable(CampaignView c, long authorityId) {
        OrgRef authority = guard.require(Permission.CAMPAIGN_READ, authorityId);
        // the root's summary covers the whole campaign, whether or not it graded anyone itself
        if (authorityId != c.rootOrganizationId() && !queries.isAuthority(c.id(), authorityId)) {
            throw new DomainException("acceptance.summary.notAuthority", authority.name());
        }
        return authority;
    }

    private WorkSummary writable(CampaignView c, long authorityId, Long expectedVersion) {
        guard.require(Permission.GRADING_DECIDE, authorityId);
        WorkSummaryPolicy.checkWriter(guard.currentUser().organizationId(), authorityId);
        readable(c, authorityId);
        phaseWindows.require(c, Phase.ACCEPTANCE);
        WorkSummary s = summaries.findByCampaignIdAndAuthorityOrganizationId(c.id(), authorityId)
                .orElseGet(() -> new WorkSummary(c.id(), authorityId));
        if (s.getId() != null && expectedVersion != null && expectedVersion != s.getVersion()) {
            throw new StaleRecordException();
        }
        return s;
    }

    private WorkSummary reviewable(CampaignView c, long authorityId) {
        guard.require(Permission.CAMPAIGN_MANAGE, authorityId);
        WorkSummaryPolicy.checkReviewer(guard.currentUser().organizationId(), c.rootOrganizationId(), authorityId);
        readable(c, authorityId);
        return summaries.findByCampaignIdAndAuthorityOrganizationId(c.id(), authorityId)
                .orElseThrow(() -> new DomainException("acceptance.summary.notSubmitted"));
    }

    private static LocalDate dueOn(CampaignView c) {
        return c.phases().get(Phase.ACCEPTANCE).dueOn();
    }

    private String statusName(WorkSummary s, boolean root) {
        if (s == null) {
            return messages.get("acceptance.summary.status.NONE");
        }
        if (root && s.getStatus() == WorkSummaryStatus.DRAFT) {
            return messages.get("acceptance.summary.status.ROOT");
        }
        return messages.get("acceptance.summary.status." + s.getStatus().name());
    }

    private WorkSummaryView view(CampaignView c, OrgRef authority, WorkSummary s) {
        long me = guard.currentUser().organizationId();
        boolean root = authority.id() == c.rootOrganizationId();
        boolean open = phaseWindows.gate(c, Phase.ACCEPTANCE).open();
        boolean writer = me == authority.id() && guard.can(Permission.GRADING_DECIDE, authority.id());
        boolean editable = s == null || s.editable();
        boolean canWrite = writer && open && editable;
        boolean canReview = !root && me == c.rootOrganizationId() && s != null && s.getStatus() == WorkSummaryStatus.SUBMITTED
                && guard.can(Permission.CAMPAIGN_MANAGE, c.rootOrganizationId());
        LocalDate due = dueOn(c);
        boolean overdue = !root && (s == null || s.getHandedInAt() == null || s.getStatus() == WorkSummaryStatus.RETURNED)
                && LocalDate.now().isAfter(due);
        var f = figures.of(c, authority.id(), authority.name());
        if (s == null) {
            return new WorkSummaryView(null, c.id(), c.name(), c.year(), authority.id(), authority.name(), c.rootOrganizationId(),
                    c.rootName(), root, WorkSummaryStatus.DRAFT, statusName(null, root), null, null, null, 0, null, null, false,
                    null, null, null, null, null, 0, due, overdue, canWrite, canWrite && !root, false, f,
                    WorkSummaryPolicy.addressee(c.rootName()));
        }
        return new WorkSummaryView(s.getId(), c.id(), c.name(), c.year(), authority.id(), authority.name(),
                c.rootOrganizationId(), c.rootName(), root, s.getStatus(), statusName(s, root), s.getAchievements(),
                s.getProblems(), s.getPlans(), s.getHandIns(), s.getHandedInAt(), name(s.getHandedInBy()), s.isHandedInLate(),
                s.getReturnedReason(), name(s.getDecidedBy()), s.getDecidedAt(), name(s.getUpdatedBy()), s.getUpdatedAt(),
                s.getVersion(), due, overdue, canWrite, canWrite && !root, canReview, f, WorkSummaryPolicy.addressee(c.rootName()));
    }

    private String name(String login) {
        return login == null ? null : people.name(login);
    }

    private static Map<String, Object> snapshot(WorkSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.getStatus().name());
        m.put("achievements", s.getAchievements());
        m.put("problems", s.getProblems());
        m.put("plans", s.getPlans());
        m.put("handIns", s.getHandIns());
        m.put("handedInLate", s.isHandedInLate());
        m.put("returnedReason", s.getReturnedReason());
        return m;
    }
}
