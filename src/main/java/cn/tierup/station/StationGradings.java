package cn.tierup.station;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.Authorities;
import cn.tierup.grading.GradingScheme;
import cn.tierup.grading.GradingSetups;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Standard;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.PageResult;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.station.internal.StationGradingQueries;
import cn.tierup.station.internal.StationGradingQueries.StationHost;
import cn.tierup.station.internal.StationGradingRepository;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of classifying a station in a campaign, each one transaction and audited: the host's self-assessment
 * on the station standard's score sheet and its hand-in (the host, or a superior on its behalf), the decision and its
 * reopening (the host's grading authority only — never the host itself). The standard is the campaign's choice for
 * the field {@value #FIELD} among the grading schemes, kept with the grading once begun.
 */
@Service
public class StationGradings {

    /** The grading schemes' field of the station standards. */
    public static final String FIELD = "STATION";

    private final StationGradingRepository gradings;
    private final StationGradingQueries queries;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final GradingSetups setups;
    private final Authorities authorities;
    private final ScopeGuard guard;
    private final AuditRecorder audit;

    StationGradings(StationGradingRepository gradings, StationGradingQueries queries, CampaignService campaigns,
                    PhaseWindows phaseWindows, GradingSetups setups, Authorities authorities, ScopeGuard guard,
                    AuditRecorder audit) {
        this.gradings = gradings;
        this.queries = queries;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.setups = setups;
        this.authorities = authorities;
        this.guard = guard;
        this.audit = audit;
    }

    /** What the host typed: points per criterion, veto items found, 自评说明. */
    public record Assessment(Map<String, Integer> scores, Set<Integer> vetoes, String statement) {
    }

    @Transactional(readOnly = true)
    public StationGradingView get(long campaignId, long stationId, StationGradingRound round) {
        StationHost s = station(stationId);
        if (!authorities.mayRead(s.hostId())) {
            throw new AccessDeniedException("station out of scope");
        }
        CampaignView c = campaign(campaignId, s);
        return view(c, s, round, grading(campaignId, stationId, round).orElse(null),
                grading(campaignId, stationId, StationGradingRound.START).orElse(null));
    }

    /** Step 1: the score sheet and 自评说明, saved (again and again) until handed in. */
    @Transactional
    public StationGradingView assess(long campaignId, long stationId, StationGradingRound round, Assessment a, long version) {
        Work w = writable(campaignId, stationId, round);
        fresh(w.grading, version);
        CurrentUser user = guard.currentUser();
        Standard.Evaluation e = w.grading.assess(new ScoreSheet(a.scores(), a.vetoes()), a.statement(), w.standard,
                Actors.current(), user.displayName(), LocalDateTime.now());
        save(w, "ASSESS", prefix(round) + "站点自评：" + w.station.name() + " " + e.total() + "/" + e.maximum() + " 分，对应 " + e.grade().name()
                + (e.vetoed() ? "（一票否决：" + String.join("；", e.vetoesHit()) + "）" : ""));
        return get(campaignId, stationId, round);
    }

    /** Step 1 ends: the self-assessment goes to the host's grading authority. */
    @Transactional
    public StationGradingView submit(long campaignId, long stationId, StationGradingRound round, long version) {
        Work w = writable(campaignId, stationId, round);
        fresh(w.grading, version);
        w.grading.submit(LocalDateTime.now());
        save(w, "SUBMIT", prefix(round) + "上报站点自评：" + w.station.name() + "，自评等次 " + w.grading.getProposedGrade());
        return get(campaignId, stationId, round);
    }

    /** Step 2: the authority's grade; a reason where it differs from the host's. */
    @Transactional
    public StationGradingView decide(long campaignId, long stationId, StationGradingRound round, String grade, String reason,
                                     long version) {
        Work w = deciding(campaignId, stationId, round);
        fresh(w.grading, version);
        CurrentUser user = guard.currentUser();
        w.grading.decide(grade, reason, w.standard, authorities.of(w.station.hostId()).id(), user.organizationId(),
                Actors.current(), user.displayName(), LocalDateTime.now());
        save(w, "DECIDE", prefix(round) + "评定站点等次：" + w.station.name() + " 评为" + w.grading.getDecidedGrade()
                + (w.grading.getDecisionReason() == null ? "" : "（理由：" + w.grading.getDecisionReason() + "）"));
        return get(campaignId, stationId, round);
    }

    /** The authority withdraws its decision, with a reason; {@code toHost}: the host assesses again. */
    @Transactional
    public StationGradingView reopen(long campaignId, long stationId, StationGradingRound round, String reason, boolean toHost,
                                     long version) {
        Work w = deciding(campaignId, stationId, round);
        fresh(w.grading, version);
        w.grading.reopen(reason, toHost, guard.currentUser().displayName(), LocalDateTime.now());
        save(w, "REOPEN", prefix(round) + "撤回站点评定：" + w.station.name() + (toHost ? "，退回承办党组织重新自评" : "，待重新评定")
                + "（原因：" + w.grading.getReopenReason() + "）");
        return get(campaignId, stationId, round);
    }

    /** The overview: the stations under an organisation (the user's own by default) and where their grading stands. */
    @Transactional(readOnly = true)
    public PageResult<StationGradingLine> list(long campaignId, StationGradingRound round, long organizationId, String status,
                                               String name, int page, int size) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        CampaignView c = campaigns.get(campaignId);
        String path = queries.path(organizationId).orElseThrow(() -> new NotFoundException("organization", organizationId));
        String rootPath = queries.path(c.rootOrganizationId()).orElse(path);
        return queries.lines(campaignId, new StationGradingQueries.Filter(path, rootPath, c.year(), round, status, name), page,
                size);
    }

    /** The register: decided station grades year after year under an organisation. */
    @Transactional(readOnly = true)
    public PageResult<StationRegisterLine> register(long organizationId, Integer year, cn.tierup.grading.Grade level,
                                                                   String name, int page, int size) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        String path = queries.path(organizationId).orElseThrow(() -> new NotFoundException("organization", organizationId));
        return queries.register(new StationGradingQueries.RegisterQuery(path, year, level, name), page, size);
    }

    @Transactional(readOnly = true)
    public java.util.List<Integer> registerYears(long organizationId) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        return queries.registerYears(queries.path(organizationId).orElseThrow(() -> new NotFoundException("organization", organizationId)));
    }

    // ---- the steps' common work --------------------------------------------------------------------

    private record Work(StationHost station, CampaignView campaign, StationGrading grading, Standard standard) {
    }

    private Work writable(long campaignId, long stationId, StationGradingRound round) {
        StationHost s = station(stationId);
        guard.require(Permission.GRADING_WRITE, s.hostId());
        return work(campaignId, s, round);
    }

    private Work deciding(long campaignId, long stationId, StationGradingRound round) {
        StationHost s = station(stationId);
        CurrentUser me = guard.currentUser();
        if (!me.has(Permission.GRADING_DECIDE)) {
            throw new AccessDeniedException("missing " + Permission.GRADING_DECIDE.code());
        }
        if (me.organizationId() == s.hostId()) {
            // said before anything else: the host is told why, not merely refused
            throw new DomainException("station.grading.ownStation");
        }
        authorities.require(s.hostId());
        Work w = work(campaignId, s, round);
        if (w.grading.getId() == null) {
            throw new DomainException("station.grading.notSubmitted");
        }
        return w;
    }

    /**
     * The round's grading to act on, begun on the first step: in its phase's window, and a 年末审定 only over a decided
     * 年初定级, against the same standard — the year's two grades are comparable only so.
     */
    private Work work(long campaignId, StationHost s, StationGradingRound round) {
        CampaignView c = campaign(campaignId, s);
        phaseWindows.require(c, round.phase());
        StationGrading g = grading(campaignId, s.id(), round).orElse(null);
        if (round == StationGradingRound.YEAR_END) {
            StationGrading start = grading(campaignId, s.id(), StationGradingRound.START)
                    .filter(x -> x.getDecidedLevel() != null)
                    .orElseThrow(() -> new DomainException("station.grading.yearEnd.noStart", c.year()));
            if (g == null) {
                g = new StationGrading(campaignId, s.id(), round, s.hostId(), start.getSchemeId(), LocalDateTime.now());
            }
        } else if (g == null) {
            g = new StationGrading(campaignId, s.id(), round, s.hostId(), setups.schemeInForce(campaignId, FIELD).getId(),
                    LocalDateTime.now());
        }
        return new Work(s, c, g, setups.scheme(g.getSchemeId()).getStandard());
    }

    private java.util.Optional<StationGrading> grading(long campaignId, long stationId, StationGradingRound round) {
        return gradings.findByCampaignIdAndStationIdAndRound(campaignId, stationId, round);
    }

    /** How the audit trail tells the year-end round's entries from the start's. */
    private static String prefix(StationGradingRound round) {
        return round == StationGradingRound.YEAR_END ? "年末审定·" : "";
    }

    private StationHost station(long stationId) {
        return queries.station(stationId).orElseThrow(() -> new NotFoundException("station", stationId));
    }

    /** The campaign, and the station taking part in it: hosted under its root and on the registry in its year. */
    private CampaignView campaign(long campaignId, StationHost s) {
        CampaignView c = campaigns.get(campaignId);
        String rootPath = queries.path(c.rootOrganizationId()).orElse("?");
        if (!s.hostPath().startsWith(rootPath)) {
            throw new DomainException("station.grading.notInCampaign");
        }
        if (!s.onRegisterIn(c.year())) {
            throw new DomainException("station.grading.notOnRegister", c.year());
        }
        return c;
    }

    private void save(Work w, String action, String summary) {
        Map<String, Object> before = w.grading.getId() == null ? null : Map.of("version", w.grading.getVersion());
        gradings.saveAndFlush(w.grading);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", w.grading.getStatus().name());
        if (w.grading.getScoreTotal() != null) {
            after.put("scoreTotal", w.grading.getScoreTotal());
            after.put("proposedGrade", w.grading.getProposedGrade());
        }
        if (w.grading.getDecidedGrade() != null) {
            after.put("decidedGrade", w.grading.getDecidedGrade());
        }
        audit.record("StationGrading", w.grading.getId(), w.station.hostId(), action, summary, before, after);
    }

    private static void fresh(StationGrading g, long version) {
        if (g.getId() != null && g.getVersion() != version) {
            throw new StaleRecordException();
        }
    }

    private StationGradingView view(CampaignView c, StationHost s, StationGradingRound round, StationGrading g,
                                    StationGrading start) {
        boolean startDecided = start != null && start.getDecidedLevel() != null;
        GradingScheme scheme = g != null ? setups.scheme(g.getSchemeId())
                : round == StationGradingRound.YEAR_END && start != null ? setups.scheme(start.getSchemeId())
                : setups.schemeInForce(c.id(), FIELD);
        Authorities.Authority a = authorities.of(s.hostId());
        boolean phaseOpen = phaseWindows.gate(c, round.phase()).open();
        boolean open = phaseOpen && (round == StationGradingRound.START || startDecided);
        StationGradingStatus status = g == null ? StationGradingStatus.ASSESSING : g.getStatus();
        boolean mayAssess = open && status == StationGradingStatus.ASSESSING && guard.can(Permission.GRADING_WRITE, s.hostId());
        boolean mayDecide = open && status != StationGradingStatus.ASSESSING && guard.currentUser().organizationId() != s.hostId()
                && authorities.mayActFor(s.hostId());
        ScoreSheet sheet = g == null || g.getScoreSheet() == null ? ScoreSheet.empty() : g.getScoreSheet();
        return new StationGradingView(c.id(), c.year(), c.name(), s.id(), s.name(), s.hostId(), s.hostName(), a.id(), a.name(),
                scheme.getId(), scheme.getName(), scheme.getStandard(), status, sheet.scores(), sheet.vetoes(),
                g == null ? null : g.getScoreTotal(), g == null ? null : g.getScoreMaximum(), g == null ? null : g.getVetoesHit(),
                g == null ? null : g.getProposedGrade(), g == null ? null : g.getProposedLevel(),
                g == null ? null : g.getStatement(), g == null ? null : g.getAssessedByName(),
                g == null ? null : g.getAssessedAt(), g == null ? null : g.getSubmittedAt(),
                g == null ? null : g.getDecidedGrade(), g == null ? null : g.getDecidedLevel(),
                g == null ? null : g.getDecisionReason(), g == null ? null : g.getDecidedByName(),
                g == null ? null : g.getDecidedAt(), g == null ? null : g.getReopenReason(),
                g == null ? null : g.getReopenedByName(), g == null ? null : g.getReopenedAt(),
                g == null ? 0 : g.getVersion(), mayAssess, mayDecide, round, phaseOpen,
                startDecided ? start.getDecidedGrade() : null, startDecided ? start.getDecidedLevel() : null);
    }
}
