package cn.tierup.acceptance;

import cn.tierup.acceptance.YearEndReviewView.Appraisal;
import cn.tierup.acceptance.YearEndReviewView.Figures;
import cn.tierup.acceptance.YearEndReviewView.Goal;
import cn.tierup.acceptance.YearEndReviewView.MeasureLine;
import cn.tierup.acceptance.internal.ReviewQueries;
import cn.tierup.acceptance.internal.ReviewQueries.Row;
import cn.tierup.acceptance.internal.ReviewQueries.Subject;
import cn.tierup.acceptance.internal.ReviewRepository;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.GradeRegister;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.SatisfactionRate;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.upgrade.ApprovedGoals;
import cn.tierup.upgrade.Measure;
import cn.tierup.upgrade.UpgradeFigures;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the year-end review, one transaction each, every change audited: the organisation (or a superior
 * on its behalf) writes its 自查初评 and hands it in; its authority returns it with a reason, decides the 年末审定
 * grade or reopens a decision. Who has a review: every organisation with a decided 年初定级 in the campaign; its
 * authority is the organisation that decided it.
 */
@Service
public class YearEndReviews {

    private final ReviewRepository reviews;
    private final ReviewQueries queries;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final PhaseWindows phaseWindows;
    private final GradeRegister register;
    private final ApprovedGoals goals;
    private final UpgradeFigures upgradeFigures;
    private final PledgeFigures pledgeFigures;
    private final AppraisalResults appraisals;

    YearEndReviews(ReviewRepository reviews, ReviewQueries queries, CampaignService campaigns, ScopeGuard guard,
                   AuditRecorder audit, PhaseWindows phaseWindows, GradeRegister register, ApprovedGoals goals,
                   UpgradeFigures upgradeFigures, PledgeFigures pledgeFigures, AppraisalResults appraisals) {
        this.reviews = reviews;
        this.queries = queries;
        this.campaigns = campaigns;
        this.guard = guard;
        this.audit = audit;
        this.phaseWindows = phaseWindows;
        this.register = register;
        this.goals = goals;
        this.upgradeFigures = upgradeFigures;
        this.pledgeFigures = pledgeFigures;
        this.appraisals = appraisals;
    }

    @Transactional(readOnly = true)
    public YearEndReviewView get(long campaignId, long organizationId) {
        CampaignView c = campaigns.get(campaignId);
        Subject s = readable(c, organizationId);
        return view(c, s, reviews.findByCampaignIdAndOrganizationId(campaignId, organizationId).orElse(null));
    }

    /** Saves the working copy; a save based on an older version than the stored one is refused. */
    @Transactional
    public YearEndReviewView save(long campaignId, long organizationId, YearEndReviewContent content) {
        Work w = writable(campaignId, organizationId, content.version());
        Map<String, Object> before = w.r.getId() == null ? null : snapshot(w.r);
        w.r.write(content, w.measures.size(), w.grades, Actors.current(), LocalDateTime.now());
        reviews.saveAndFlush(w.r);
        audit.record("YearEndReview", w.r.getId(), organizationId, before == null ? "CREATE" : "UPDATE",
                "保存自查初评草稿" + proposal(w.r), before, snapshot(w.r));
        return get(campaignId, organizationId);
    }

    /** Saves and hands the self-review in to the authority in one step. */
    @Transactional
    public YearEndReviewView handIn(long campaignId, long organizationId, YearEndReviewContent content) {
        Work w = writable(campaignId, organizationId, content.version());
        Map<String, Object> before = w.r.getId() == null ? null : snapshot(w.r);
        LocalDateTime now = LocalDateTime.now();
        w.r.write(content, w.measures.size(), w.grades, Actors.current(), now);
        w.r.handIn(Actors.current(), now, w.c.phases().get(Phase.ACCEPTANCE).dueOn());
        reviews.saveAndFlush(w.r);
        audit.record("YearEndReview", w.r.getId(), organizationId, "SUBMIT", "提交自查初评，报 " + w.s.authorityName()
                + " 审评" + proposal(w.r) + (w.r.isHandedInLate() ? "（逾期）" : ""), before, snapshot(w.r));
        return get(campaignId, organizationId);
    }

    @Transactional
    public YearEndReviewView returnForRevision(long campaignId, long organizationId, String reason) {
        Work w = authority(campaignId, organizationId, null);
        Map<String, Object> before = snapshot(w.r);
        w.r.returnForRevision(reason, Actors.current(), LocalDateTime.now());
        reviews.saveAndFlush(w.r);
        audit.record("YearEndReview", w.r.getId(), organizationId, "RETURN", "退回自查初评：" + w.r.getReturnedReason(),
                before, snapshot(w.r));
        return get(campaignId, organizationId);
    }

    /** 上级审评: the 年末审定 grade, by the authority only. */
    @Transactional
    public YearEndReviewView decide(long campaignId, long organizationId, String grade, String reason, Long version) {
        Work w = authority(campaignId, organizationId, version);
        Map<String, Object> before = snapshot(w.r);
        w.r.decide(grade, reason, w.grades, Actors.current(), LocalDateTime.now());
        reviews.saveAndFlush(w.r);
        audit.record("YearEndReview", w.r.getId(), organizationId, "DECIDE", "年末审定为 " + w.r.getDecidedGrade()
                + "（年初定级 " + w.s.startGrade() + "，党员大会提出 " + w.r.getProposedGrade() + "）"
                + (w.r.getDecisionReason() == null ? "" : "，理由：" + w.r.getDecisionReason()), before, snapshot(w.r));
        return get(campaignId, organizationId);
    }

    /** The authority withdraws its decision with a reason; the review waits for its decision again. */
    @Transactional
    public YearEndReviewView reopen(long campaignId, long organizationId, String reason) {
        Work w = authority(campaignId, organizationId, null);
        Map<String, Object> before = snapshot(w.r);
        String withdrawn = w.r.getDecidedGrade();
        w.r.reopen(reason, Actors.current(), LocalDateTime.now());
        reviews.saveAndFlush(w.r);
        audit.record("YearEndReview", w.r.getId(), organizationId, "REOPEN", "重新审评（撤销年末审定 " + withdrawn + "）："
                + w.r.getReopenReason(), before, snapshot(w.r));
        return get(campaignId, organizationId);
    }

    /** The organisations an authority graded at the start of the year, with their reviews; anyone who may read it. */
    @Transactional(readOnly = true)
    public List<Row> list(long campaignId, Long authorityId, String status, String field, String name) {
        long a = authorityId == null ? guard.currentUser().organizationId() : authorityId;
        guard.require(Permission.CAMPAIGN_READ, a);
        campaigns.get(campaignId);
        return queries.forAuthority(campaignId, a, status, field, name);
    }

    /** The authority's name, for the list's title. */
    @Transactional(readOnly = true)
    public String name(long organizationId) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        return queries.name(organizationId);
    }

    // ---- rules of access -------------------------------------------------------------------------

    private record Work(CampaignView c, Subject s, YearEndReview r, List<GradeBand> grades, List<Measure> measures) {
    }

    /** Those in whose subtree the organisation or its authority lies may read its review. */
    private Subject readable(CampaignView c, long organizationId) {
        Optional<Subject> s = queries.subject(c.id(), organizationId);
        if (s.isEmpty()) {
            guard.require(Permission.CAMPAIGN_READ, organizationId);
            throw new DomainException("acceptance.review.notGraded");
        }
        if (!guard.can(Permission.CAMPAIGN_READ, organizationId) && !guard.can(Permission.CAMPAIGN_READ, s.get().authorityId())) {
            throw new AccessDeniedException("out of scope");
        }
        return s.get();
    }

    private Work writable(long campaignId, long organizationId, Long expectedVersion) {
        guard.require(Permission.GRADING_WRITE, organizationId);
        CampaignView c = campaigns.get(campaignId);
        phaseWindows.require(c, Phase.ACCEPTANCE);
        Subject s = queries.subject(campaignId, organizationId)
                .orElseThrow(() -> new DomainException("acceptance.review.notGraded"));
        YearEndReview r = reviews.findByCampaignIdAndOrganizationId(campaignId, organizationId)
                .orElseGet(() -> new YearEndReview(campaignId, organizationId, s.authorityId(), LocalDateTime.now()));
        if (r.getId() != null && expectedVersion != null && expectedVersion != r.getVersion()) {
            throw new StaleRecordException();
        }
        return new Work(c, s, r, register.grades(campaignId, organizationId), measures(campaignId, organizationId));
    }

    private Work authority(long campaignId, long organizationId, Long expectedVersion) {
        CampaignView c = campaigns.get(campaignId);
        Subject s = readable(c, organizationId);
        // no one decides their own organisation's grade: as for grading, that is a matter of rights, not of input
        if (!guard.currentUser().has(Permission.GRADING_DECIDE) || guard.currentUser().organizationId() == organizationId) {
            throw new AccessDeniedException("not the grading authority");
        }
        YearEndReviewPolicy.checkAuthority(guard.currentUser().organizationId(), organizationId, s.authorityId(),
                s.authorityName());
        phaseWindows.require(c, Phase.ACCEPTANCE);
        YearEndReview r = reviews.findByCampaignIdAndOrganizationId(campaignId, organizationId)
                .orElseThrow(() -> new DomainException("acceptance.review.notSubmitted"));
        if (expectedVersion != null && expectedVersion != r.getVersion()) {
            throw new StaleRecordException();
        }
        return new Work(c, s, r, register.grades(campaignId, organizationId), measures(campaignId, organizationId));
    }

    private List<Measure> measures(long campaignId, long organizationId) {
        return goals.of(campaignId, organizationId).map(ApprovedGoals.Approved::measures).orElse(List.of());
    }

    // ---- the view ---------------------------------------------------------------------------------

    private YearEndReviewView view(CampaignView c, Subject s, YearEndReview r) {
        Optional<ApprovedGoals.Approved> goal = goals.of(c.id(), s.organizationId());
        List<Measure> ms = goal.map(ApprovedGoals.Approved::measures).orElse(List.of());
        List<String> results = r == null ? List.of() : r.getMeasureResults();
        List<MeasureLine> lines = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            String result = i < results.size() && !results.get(i).isEmpty() ? results.get(i) : null;
            lines.add(new MeasureLine(i + 1, ms.get(i).text(), ms.get(i).owner(), ms.get(i).dueOn(), result));
        }
        UpgradeFigures.Own own = upgradeFigures.own(c.id(), s.organizationId());
        PledgeFigures.Line pledges = pledgeFigures.line(c.id(), s.organizationId());
        Figures figures = new Figures(own.items(), own.open(), own.closed(), own.overdue(), own.assistances(), own.visits(),
                pledges.items(), pledges.fulfilled(), pledges.ratings(), pledges.satisfied() + pledges.fairly(),
                pledges.satisfactionRate());
        Appraisal appraisal = appraisals.result(c.id(), s.organizationId())
                .map(a -> new Appraisal(a.satisfied(), a.fairlySatisfied(), a.dissatisfied(), a.ratings(),
                        new SatisfactionRate(a.satisfied(), a.fairlySatisfied(), a.dissatisfied()).percent(), a.sittings()))
                .orElse(null);
        boolean gateOpen = phaseWindows.gate(c, Phase.ACCEPTANCE).open();
        boolean canWrite = gateOpen && guard.can(Permission.GRADING_WRITE, s.organizationId()) && (r == null || r.withOrganization());
        boolean authority = gateOpen && guard.currentUser().has(Permission.GRADING_DECIDE)
                && YearEndReviewPolicy.isAuthority(guard.currentUser().organizationId(), s.organizationId(), s.authorityId());
        boolean canDecide = authority && r != null && r.getStatus() == YearEndReviewStatus.SUBMITTED;
        boolean canReopen = authority && r != null && r.getStatus() == YearEndReviewStatus.DECIDED;
        String previous = register.previousYearEnd(c.id(), s.organizationId()).map(GradeRegister.YearEnd::grade).orElse(null);
        Goal g = goal.map(a -> new Goal(a.grade(), a.statement(), a.approvedAt())).orElse(null);
        var due = c.phases().get(Phase.ACCEPTANCE).dueOn();
        List<GradeBand> grades = register.grades(c.id(), s.organizationId());
        if (r == null) {
            return new YearEndReviewView(null, c.id(), c.name(), c.year(), s.organizationId(), s.name(), s.field(),
                    s.authorityId(), s.authorityName(), s.members(), s.startGrade(), s.startLevel(), s.startDecidedAt(),
                    previous, grades, g, lines, null, null, null, null, null, null, Map.of(), null, null, null, null,
                    false, due, null, null, null, null, null, null, null, null, null, null, null, null, null, 0,
                    figures, appraisal, canWrite, false, false);
        }
        return new YearEndReviewView(r.getId(), c.id(), c.name(), c.year(), s.organizationId(), s.name(), s.field(),
                s.authorityId(), s.authorityName(), s.members(), s.startGrade(), s.startLevel(), s.startDecidedAt(),
                previous, grades, g, lines, r.getStatus(), r.getReport(), r.getMeetingHeldOn(), r.getMeetingPlace(),
                r.getMeetingExpected(), r.getMeetingAttendance(), ordered(r.getMeetingVotes(), grades), r.getProposedGrade(),
                r.getProposedLevel(), r.getHandedInAt(), r.getHandedInBy(), r.isHandedInLate(), due, r.getReturnedReason(),
                r.getReturnedBy(), r.getReturnedAt(), r.getDecidedGrade(), r.getDecidedLevel(), r.getDecisionReason(),
                r.getDecidedBy(), r.getDecidedAt(), r.getReopenReason(), r.getReopenedBy(), r.getReopenedAt(),
                r.getUpdatedBy(), r.getUpdatedAt(), r.getVersion(), figures, appraisal, canWrite, canDecide,
                canReopen);
    }

    /** Votes in the order of the scheme's grades, so pages and downloads list them as the standard does. */
    private static Map<String, Integer> ordered(Map<String, Integer> votes, List<GradeBand> grades) {
        Map<String, Integer> out = new LinkedHashMap<>();
        grades.forEach(g -> {
            if (votes.containsKey(g.name())) {
                out.put(g.name(), votes.get(g.name()));
            }
        });
        votes.forEach(out::putIfAbsent);
        return out;
    }

    private static String proposal(YearEndReview r) {
        return r.getProposedGrade() == null ? "" : "（党员大会实到 " + r.getMeetingAttendance() + "/" + r.getMeetingExpected()
                + " 人，" + r.getMeetingVotes() + "，提出 " + r.getProposedGrade() + "）";
    }

    private static Map<String, Object> snapshot(YearEndReview r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.getStatus());
        m.put("report", r.getReport());
        m.put("measureResults", r.getMeasureResults());
        m.put("meetingHeldOn", r.getMeetingHeldOn());
        m.put("meetingPlace", r.getMeetingPlace());
        m.put("meetingExpected", r.getMeetingExpected());
        m.put("meetingAttendance", r.getMeetingAttendance());
        m.put("votes", r.getMeetingVotes());
        m.put("proposedGrade", r.getProposedGrade());
        m.put("returnedReason", r.getReturnedReason());
        m.put("decidedGrade", r.getDecidedGrade());
        m.put("decisionReason", r.getDecisionReason());
        m.put("reopenReason", r.getReopenReason());
        return m;
    }
}
