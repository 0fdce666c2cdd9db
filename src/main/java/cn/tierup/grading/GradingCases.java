package cn.tierup.grading;

import cn.tierup.ballot.BallotRequest;
import cn.tierup.ballot.Ballots;
import cn.tierup.ballot.OpenedBallot;
import cn.tierup.ballot.Totals;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.internal.GradedOrganizations;
import cn.tierup.grading.internal.GradedOrganizations.GradedOrganization;
import cn.tierup.grading.internal.GradingCaseRepository;
import cn.tierup.grading.internal.GradingSetupRepository;
import cn.tierup.grading.internal.SchemeRepository;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.StaleRecordException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of 对标定级 for one organisation: record the meetings of steps 1, 2 and 4, fill the score
 * sheet and propose the self-grade (3), run a phone ballot, and — for the grading authority only — decide
 * (5) or reopen a step. Each is audited, except the votes themselves (see {@link Ballots}).
 *
 * <p>Who may do what: steps 1–4 are the organisation's (or, on its behalf, a superior's in whose subtree
 * it lies); deciding and reopening belong to its grading authority — users bound to that organisation or
 * above it — and never to the organisation itself.
 */
@Service
public class GradingCases {

    private final GradingCaseRepository cases;
    private final GradingSetupRepository setups;
    private final SchemeRepository schemes;
    private final GradedOrganizations organizations;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final Authorities authorities;
    private final Ballots ballots;
    private final CaseViews views;
    private final PhaseWindows phaseWindows;

    GradingCases(GradingCaseRepository cases, GradingSetupRepository setups, SchemeRepository schemes,
                 GradedOrganizations organizations, CampaignService campaigns, ScopeGuard guard, AuditRecorder audit,
                 Authorities authorities, Ballots ballots, CaseViews views, PhaseWindows phaseWindows) {
        this.cases = cases;
        this.setups = setups;
        this.schemes = schemes;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.guard = guard;
        this.audit = audit;
        this.authorities = authorities;
        this.ballots = ballots;
        this.views = views;
        this.phaseWindows = phaseWindows;
    }

    @Transactional(readOnly = true)
    public CaseView get(long campaignId, long organizationId) {
        GradedOrganization org = readable(organizationId);
        CampaignView c = campaigns.get(campaignId);
        requireTakesPart(c, org);
        GradingCase k = cases.findByCampaignIdAndOrganizationId(campaignId, organizationId).orElse(null);
        return view(c, org, k);
    }

    /** Step 1 (群众初评) or step 2 (党员评议). */
    @Transactional
    public CaseView recordReview(long campaignId, long organizationId, Step step, MeetingRecord record) {
        Work w = writable(campaignId, organizationId);
        Integer expected = step == Step.MEMBER_REVIEW && record.expected() == null ? Integer.valueOf((int) w.org.members())
                : record.expected();
        MeetingRecord r = new MeetingRecord(record.heldOn(), record.place(), expected, record.attendance(), record.votes());
        GradingMeeting m = w.k.recordReview(step, r, w.standard(), Actors.current(), LocalDateTime.now());
        save(w, "REVIEW", stepName(step) + "：实到 " + m.getAttendance() + "/" + m.getExpected() + " 人，" + m.getVotes()
                + "，得票最多 " + m.getLeadingGrade());
        return get(campaignId, organizationId);
    }

    /** Step 3: saves the score sheet (and the annual assessment beside it) as a draft. */
    @Transactional
    public CaseView saveScoreSheet(long campaignId, long organizationId, ScoreSheet sheet, String assessment, long version) {
        Work w = writable(campaignId, organizationId);
        checkVersion(w.k, version);
        Standard.Evaluation e = w.k.saveScoreSheet(sheet, assessment, w.standard(), LocalDateTime.now());
        save(w, "SCORE", "保存自查评分表：" + e.total() + "/" + e.maximum() + " 分，对应 " + e.grade().name()
                + (e.vetoed() ? "（一票否决：" + String.join("；", e.vetoesHit()) + "）" : ""));
        return get(campaignId, organizationId);
    }

    /** Step 3 ends: the leadership's self-grade with its statement. */
    @Transactional
    public CaseView proposeSelfGrade(long campaignId, long organizationId, String grade, String statement, long version) {
        Work w = writable(campaignId, organizationId);
        checkVersion(w.k, version);
        w.k.proposeSelfGrade(grade, statement, w.standard(), Actors.current(), LocalDateTime.now());
        save(w, "SELF_GRADE", "提出自评等次 " + w.k.getSelfGrade() + "（第 " + w.k.getRound() + " 轮）");
        return get(campaignId, organizationId);
    }

    /** Step 4 on paper: the counted ballots. */
    @Transactional
    public CaseView recordPaperBallot(long campaignId, long organizationId, PaperTally tally) {
        Work w = writable(campaignId, organizationId);
        GradingMeeting m = w.k.recordPaperBallot(tally, passPercent(campaignId), Actors.current(), LocalDateTime.now());
        save(w, "BALLOT", "党员群众会议审议（纸质票）自评等次 " + m.getProposedGrade() + "：发出 " + m.getBallotsIssued()
                + " 张，收回 " + m.getBallotsReturned() + " 张，同意 " + m.getAgree() + "，不同意 " + m.getDisagree() + "，弃权 "
                + m.getAbstain() + "，无效 " + m.getInvalid() + "，" + (m.getPassed() ? "通过" : "未通过，退回自评"));
        return get(campaignId, organizationId);
    }

    /**
     * A phone ballot, its printed codes and its closing key (计票密钥); both are shown this once, only the
     * codes' hashes and the key's public half are kept.
     */
    public record PhoneBallot(CaseView grading, MeetingView meeting, List<String> codes, String closingKey) {
        @Override
        public String toString() {
            return "PhoneBallot[meeting=" + meeting.id() + "]";
        }
    }

    @Transactional
    public PhoneBallot openPhoneBallot(long campaignId, long organizationId, LocalDate heldOn, String place, Integer expected,
                                       Integer codes) {
        Work w = writable(campaignId, organizationId);
        String title = w.org.name() + " 自评等次“" + w.k.getSelfGrade() + "”审议";
        int n = codes == null ? (expected == null ? 0 : expected) : codes;
        w.k.openPhoneBallot(heldOn, place, expected, n, title, Actors.current(), LocalDateTime.now());
        // merging the case persists a copy of the new meeting: take the stored one, which has its id
        GradingCase stored = cases.saveAndFlush(w.k);
        GradingMeeting m = stored.openBallot().orElseThrow();
        OpenedBallot b = ballots.open(new BallotRequest(title, heldOn, List.of(stored.getSelfGrade()),
                Arrays.stream(BallotChoice.values()).map(Enum::name).toList(), n));
        stored.phoneBallotOpened(b.slug());
        cases.saveAndFlush(stored);
        audit.record("GradingCase", w.k.getId(), organizationId, "BALLOT_OPEN", "开启手机无记名测评（" + heldOn + "，"
                + m.getPlace() + "），印制测评码 " + n + " 个", null, null);
        return new PhoneBallot(get(campaignId, organizationId), MeetingView.of(m), b.codes(), b.closingKey());
    }

    /** Counts the running phone ballot with its closing key and the meeting's attendance; the result moves the case. */
    @Transactional
    public CaseView closePhoneBallot(long campaignId, long organizationId, Integer attendance, String closingKey) {
        Work w = writable(campaignId, organizationId);
        GradingMeeting open = w.k.openBallot().orElseThrow(() -> new DomainException("ballot.notOpen"));
        // the ballot is shut and counted first; a close the case refuses rolls it back, so it stays open
        Totals t = ballots.close(open.getSlug(), closingKey);
        GradingMeeting m = w.k.closePhoneBallot(attendance, t.spent(), t.count(0, BallotChoice.AGREE.name()),
                t.count(0, BallotChoice.DISAGREE.name()), t.count(0, BallotChoice.ABSTAIN.name()), t.unreadable(),
                passPercent(campaignId), Actors.current(), LocalDateTime.now());
        save(w, "BALLOT", "党员群众会议审议（手机测评）自评等次 " + m.getProposedGrade() + "：实到 " + m.getAttendance()
                + " 人，投票 " + m.getBallotsReturned() + "，同意 " + m.getAgree() + "，不同意 " + m.getDisagree() + "，弃权 "
                + m.getAbstain() + (m.getInvalid() > 0 ? "，无效 " + m.getInvalid() : "") + "，" + (m.getPassed() ? "通过" : "未通过，退回自评"));
        return get(campaignId, organizationId);
    }

    /** Abandons the running phone ballot uncounted, with the reason; its sealed votes and codes are deleted. */
    @Transactional
    public CaseView abandonPhoneBallot(long campaignId, long organizationId, String reason) {
        Work w = writable(campaignId, organizationId);
        GradingMeeting m = w.k.abandonPhoneBallot(reason, LocalDateTime.now());
        ballots.discard(m.getSlug());
        save(w, "BALLOT_VOID", "作废手机无记名测评（未计票）：" + m.getVoidReason());
        return get(campaignId, organizationId);
    }

    /** Step 5, by the grading authority. */
    @Transactional
    public CaseView decide(long campaignId, long organizationId, String grade, String reason, long version) {
        return decide(campaignId, organizationId, grade, reason, version, DecisionMeeting.NONE);
    }

    /**
     * Step 5 at the authority's meeting. Every decision goes through here, one at a time or many at one meeting
     * ({@link BatchDecisions}): the same checks, the same event and the same line in the audit trail.
     */
    @Transactional
    public CaseView decide(long campaignId, long organizationId, String grade, String reason, long version,
                           DecisionMeeting meeting) {
        decideOnly(campaignId, organizationId, grade, reason, version, meeting);
        return get(campaignId, organizationId);
    }

    private void decideOnly(long campaignId, long organizationId, String grade, String reason, long version, DecisionMeeting meeting) {
        Work w = decidable(campaignId, organizationId);
        checkVersion(w.k, version);
        w.k.decide(grade, reason, meeting, w.standard(), w.org.authorityId(), Actors.current(), LocalDateTime.now());
        save(w, "DECIDE", "上级评定为 " + w.k.getDecidedGrade() + (w.k.getDecisionReason() == null ? ""
                : "（自评 " + w.k.getSelfGrade() + "；理由：" + w.k.getDecisionReason() + "）") + meeting.audited());
    }

    /** The authority sends the case back to a step done wrong, with the reason; the trail keeps both. */
    @Transactional
    public CaseView reopen(long campaignId, long organizationId, Step to, String reason) {
        Work w = decidable(campaignId, organizationId);
        Step from = w.k.getStep();
        String running = w.k.openBallot().map(GradingMeeting::getSlug).orElse(null);
        w.k.reopen(to, reason, LocalDateTime.now());
        if (running != null && w.k.openBallot().isEmpty()) {
            ballots.discard(running);
        }
        save(w, "REOPEN", "重新开展第 " + to.number() + " 步（原处于第 " + from.number() + " 步）：" + reason.strip());
        return get(campaignId, organizationId);
    }

    // ---- rules of access -------------------------------------------------------------------------

    private GradedOrganization readable(long organizationId) {
        GradedOrganization org = organizations.get(organizationId);
        if (!authorities.mayRead(organizationId)) {
            throw new AccessDeniedException("out of scope");
        }
        return org;
    }

    private record Work(GradingCase k, GradedOrganization org, GradingScheme scheme) {
        Standard standard() {
            return scheme.getStandard();
        }
    }

    private Work writable(long campaignId, long organizationId) {
        guard.require(Permission.GRADING_WRITE, organizationId);
        return work(campaignId, organizationId);
    }

    private Work decidable(long campaignId, long organizationId) {
        authorities.require(organizationId);
        Work w = work(campaignId, organizationId);
        if (w.k.getId() == null) {
            throw new DomainException("step.order", Step.DECISION.number(), Step.PUBLIC_REVIEW.number());
        }
        return w;
    }

    private Work work(long campaignId, long organizationId) {
        GradedOrganization org = organizations.get(organizationId);
        CampaignView c = campaigns.get(campaignId);
        requireTakesPart(c, org);
        phaseWindows.require(c, Phase.GRADING);
        GradingCase k = cases.findByCampaignIdAndOrganizationId(campaignId, organizationId)
                .orElseGet(() -> new GradingCase(campaignId, organizationId, schemeFor(campaignId, org.field()).getId(),
                        org.field(), LocalDateTime.now()));
        GradingScheme scheme = schemes.findById(k.getSchemeId()).orElseThrow();
        return new Work(k, org, scheme);
    }

    private void requireTakesPart(CampaignView c, GradedOrganization org) {
        String rootPath = organizations.get(c.rootOrganizationId()).path();
        if (org.id() == c.rootOrganizationId() || !org.path().startsWith(rootPath)) {
            throw new DomainException("grading.notInCampaign");
        }
        if (org.retired()) {
            throw new DomainException("grading.retired");
        }
    }

    private void save(Work w, String action, String summary) {
        Map<String, Object> before = w.k.getId() == null ? null : Map.of("step", w.k.getStep().name());
        cases.saveAndFlush(w.k);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("step", w.k.getStep().name());
        after.put("round", w.k.getRound());
        if (w.k.getSelfGrade() != null) {
            after.put("selfGrade", w.k.getSelfGrade());
        }
        if (w.k.getDecidedGrade() != null) {
            after.put("decidedGrade", w.k.getDecidedGrade());
        }
        audit.record("GradingCase", w.k.getId(), w.k.getOrganizationId(), action, summary, before, after);
    }

    private static void checkVersion(GradingCase k, long version) {
        if (k.getId() != null && k.getVersion() != version) {
            throw new StaleRecordException();
        }
    }

    // ---- settings ----------------------------------------------------------------------------------

    /** The standard an organisation of {@code field} is graded against in the campaign. */
    GradingScheme schemeFor(long campaignId, String field) {
        Long chosen = setups.findById(campaignId).map(s -> s.getSchemes().get(field)).orElse(null);
        if (chosen != null) {
            return schemes.findById(chosen).orElseThrow();
        }
        // the "五个好" standards are found by code; a field whose shipped standard is not one of them (远程教育站点) by field
        return schemes.findByCode("FIVE_GOOD_" + field)
                .or(() -> schemes.findFirstByFieldAndOwnerOrganizationIdIsNullOrderByIdAsc(field))
                .orElseThrow(() -> new DomainException("grading.noScheme", field));
    }

    int passPercent(long campaignId) {
        return setups.findById(campaignId).map(GradingSetup::getPassPercent).orElse(DeliberationRule.DEFAULT_PERCENT);
    }

    private static String stepName(Step s) {
        return switch (s) {
            case PUBLIC_REVIEW -> "群众初评";
            case MEMBER_REVIEW -> "党员评议";
            case SELF_GRADING -> "自评";
            case DELIBERATION -> "党员群众会议审议";
            case DECISION -> "上级评定";
            case DONE -> "已定级";
        };
    }

    // ---- the view ---------------------------------------------------------------------------------

    private CaseView view(CampaignView c, GradedOrganization org, GradingCase k) {
        GradingScheme scheme = k == null ? schemeFor(c.id(), org.field()) : schemes.findById(k.getSchemeId()).orElseThrow();
        return views.of(c, org, k, scheme, passPercent(c.id()));
    }
}
