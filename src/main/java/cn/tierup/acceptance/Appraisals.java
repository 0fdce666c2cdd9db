package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.AppraisalQueries;
import cn.tierup.acceptance.internal.AppraisalRepository;
import cn.tierup.ballot.BallotRequest;
import cn.tierup.ballot.Ballots;
import cn.tierup.ballot.OpenedBallot;
import cn.tierup.ballot.Totals;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseGate;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.Acting;
import cn.tierup.identity.People;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.Satisfaction;
import cn.tierup.shared.SatisfactionRate;
import cn.tierup.shared.StaleRecordException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the 党员群众民主测评: a holder (a grading authority, or a superior above it — users who may decide
 * grades there) holds a sitting for organisations graded this year, enters and confirms a paper count or runs a phone
 * ballot counted with its clerk's key, and reads the results. Reading needs the holder in the user's scope; writing
 * needs the 总结验收 phase begun. Every change is audited; the phone votes are not (see {@link Ballots}).
 */
@Service
public class Appraisals {

    private final AppraisalRepository sittings;
    private final AppraisalQueries queries;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final Ballots ballots;
    private final People people;

    Appraisals(AppraisalRepository sittings, AppraisalQueries queries, CampaignService campaigns, PhaseWindows phaseWindows,
               ScopeGuard guard, AuditRecorder audit, Ballots ballots, People people) {
        this.sittings = sittings;
        this.queries = queries;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.guard = guard;
        this.audit = audit;
        this.ballots = ballots;
        this.people = people;
    }

    /** A sitting as typed: the meeting, who was there, the mode and the organisations rated (all eligible when null). */
    public record SittingForm(LocalDate heldOn, String place, Integer membersExpected, Integer membersPresent,
                              Integer publicExpected, Integer publicPresent, AppraisalMode mode, List<Long> organizations) {
    }

    /** A sitting just held; for a phone sitting its printed codes and closing key, shown this once and never stored. */
    public record Held(AppraisalView sitting, List<String> codes, String closingKey) {
        public Held {
            codes = List.copyOf(codes);
        }

        @Override
        public String toString() {
            return "Held[sitting=" + sitting.id() + ", " + codes.size() + " codes]";
        }
    }

    /** A holder's desk in a campaign: its sittings, the organisations it may rate and their results. */
    public record Desk(CampaignView campaign, long holderId, String holderName, PhaseGate gate, boolean canWrite,
                       List<AppraisalView> sittings, List<AppraisalView.Candidate> candidates, List<AppraisalView.Result> results) {
    }

    // ---- reading -----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Desk desk(long campaignId, long holderId) {
        Acting acting = guard.acting(holderId);
        acting.require(Permission.CAMPAIGN_READ);
        CampaignView c = campaign(campaignId, holderId);
        PhaseGate gate = phaseWindows.gate(c, Phase.ACCEPTANCE);
        boolean canWrite = gate.open() && acting.may(Permission.GRADING_DECIDE);
        List<AppraisalView> list = sittings.findByCampaignIdAndHolderOrganizationIdOrderByHeldOnDescIdDesc(campaignId, holderId)
                .stream().map(s -> view(s, acting.organizationName(), gate)).toList();
        return new Desk(c, holderId, acting.organizationName(), gate, canWrite, list, candidates(c.id(), acting),
                results(list));
    }

    @Transactional(readOnly = true)
    public AppraisalView get(long sittingId) {
        AppraisalSitting s = load(sittingId);
        Acting acting = guard.acting(s.getHolderOrganizationId());
        acting.require(Permission.CAMPAIGN_READ);
        return view(s, acting.organizationName(), gate(s.getCampaignId()));
    }

    /** Whether the current user may enter, count or void this sitting's work now. */
    @Transactional(readOnly = true)
    public boolean canWrite(AppraisalView s) {
        return guard.can(Permission.GRADING_DECIDE, s.holderId()) && gate(s.campaignId()).open();
    }

    // ---- writing -----------------------------------------------------------------------------------------

    @Transactional
    public Held hold(long campaignId, long holderId, SittingForm form) {
        Acting acting = guard.acting(holderId);
        acting.require(Permission.GRADING_DECIDE);
        CampaignView c = campaign(campaignId, holderId);
        phaseWindows.require(c, Phase.ACCEPTANCE);
        Map<Long, String> eligible = new LinkedHashMap<>();
        candidates(campaignId, acting).forEach(x -> eligible.put(x.id(), x.name()));
        // none named (the API's short form): every organisation it may rate; an empty pick is refused by the policy
        List<Long> chosen = form.organizations() == null ? List.copyOf(eligible.keySet()) : form.organizations();
        AppraisalPolicy.checkSubjects(chosen, eligible);
        // the list in the tree's order, whatever order the organisations were picked in
        Map<Long, String> rated = new LinkedHashMap<>();
        eligible.forEach((id, name) -> {
            if (chosen.contains(id)) {
                rated.put(id, name);
            }
        });
        LocalDateTime now = LocalDateTime.now();
        AppraisalSitting s = new AppraisalSitting(campaignId, holderId, form.heldOn(), form.place(), form.membersExpected(),
                form.membersPresent(), form.publicExpected(), form.publicPresent(), form.mode(), rated, Actors.current(), now);
        s = sittings.saveAndFlush(s);
        List<String> codes = List.of();
        String key = null;
        if (s.getMode() == AppraisalMode.PHONE) {
            OpenedBallot b = ballots.open(new BallotRequest(c.year() + "年度" + acting.organizationName() + "党员群众民主测评",
                    s.getHeldOn(), List.copyOf(rated.values()), Arrays.stream(Satisfaction.values()).map(Enum::name).toList(),
                    s.present()));
            s.phoneBallotOpened(b.slug());
            s = sittings.saveAndFlush(s);
            codes = b.codes();
            key = b.closingKey();
        }
        audit.record("AppraisalSitting", s.getId(), holderId, "CREATE", "召开党员群众民主测评（"
                + (s.getMode() == AppraisalMode.PAPER ? "纸质票" : "手机测评，印制测评码 " + s.present() + " 个") + "，"
                + s.getHeldOn() + "，" + s.getPlace() + "）：党员实到 " + s.getMembersPresent() + "/" + s.getMembersExpected()
                + "，群众代表实到 " + s.getPublicPresent() + "/" + s.getPublicExpected() + "，测评 " + rated.size() + " 个党组织："
                + String.join("、", rated.values()), null, state(s));
        return new Held(view(s, acting.organizationName(), gate(campaignId)), codes, key);
    }

    /** Enters or corrects a paper count; nothing changes unless it adds up. */
    @Transactional
    public AppraisalView enterTally(long sittingId, AppraisalTally tally, long version) {
        AppraisalSitting s = writable(sittingId, version);
        Map<String, Object> before = state(s);
        s.enterTally(tally, LocalDateTime.now());
        return save(s, "TALLY", "录入纸质测评计票结果：发出 " + s.getBallotsIssued() + " 张，收回 " + s.getBallotsReturned()
                + " 张；" + lines(s), before);
    }

    /** Confirms the paper count: it counts in the results from now on. */
    @Transactional
    public AppraisalView confirm(long sittingId, long version) {
        AppraisalSitting s = writable(sittingId, version);
        Map<String, Object> before = state(s);
        s.confirm(Actors.current(), LocalDateTime.now());
        return save(s, "COUNT", "确认纸质测评计票结果：" + lines(s), before);
    }

    /** Counts the phone ballot with the clerk's closing key; a wrong key counts nothing and the ballot stays open. */
    @Transactional
    public AppraisalView count(long sittingId, String closingKey) {
        AppraisalSitting s = writable(sittingId, null);
        Map<String, Object> before = state(s);
        String slug = s.runningBallot();
        Totals t = ballots.close(slug, closingKey);
        List<int[]> byLine = new ArrayList<>();
        for (int i = 0; i < s.getLines().size(); i++) {
            byLine.add(new int[] {t.count(i, Satisfaction.SATISFIED.name()), t.count(i, Satisfaction.FAIRLY_SATISFIED.name()),
                    t.count(i, Satisfaction.DISSATISFIED.name())});
        }
        s.phoneCounted(t.issued(), t.spent(), byLine, t.unreadable(), Actors.current(), LocalDateTime.now());
        return save(s, "COUNT", "手机测评计票：测评码 " + t.issued() + " 个，已投 " + t.spent() + "；" + lines(s)
                + (t.unreadable() > 0 ? "；无法开启 " + t.unreadable() : ""), before);
    }

    /** Sets an uncounted sitting aside with the reason; a running phone ballot is shut uncounted. */
    @Transactional
    public AppraisalView voidSitting(long sittingId, String reason) {
        AppraisalSitting s = writable(sittingId, null);
        Map<String, Object> before = state(s);
        String running = s.getStatus() == AppraisalStatus.VOTING ? s.getBallotSlug() : null;
        s.voidSitting(reason, LocalDateTime.now());
        if (running != null) {
            ballots.discard(running);
        }
        return save(s, "VOID", "作废民主测评（未计入）：" + s.getVoidReason(), before);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private AppraisalSitting writable(long sittingId, Long version) {
        AppraisalSitting s = load(sittingId);
        guard.require(Permission.GRADING_DECIDE, s.getHolderOrganizationId());
        phaseWindows.require(campaigns.get(s.getCampaignId()), Phase.ACCEPTANCE);
        if (version != null && s.getVersion() != version) {
            throw new StaleRecordException();
        }
        return s;
    }

    private AppraisalSitting load(long sittingId) {
        return sittings.findById(sittingId).orElseThrow(() -> new NotFoundException("appraisal", sittingId));
    }

    private AppraisalView save(AppraisalSitting s, String action, String summary, Map<String, Object> before) {
        s = sittings.saveAndFlush(s);
        audit.record("AppraisalSitting", s.getId(), s.getHolderOrganizationId(), action, summary, before, state(s));
        Acting acting = guard.acting(s.getHolderOrganizationId());
        return view(s, acting.organizationName(), gate(s.getCampaignId()));
    }

    private CampaignView campaign(long campaignId, long holderId) {
        CampaignView c = campaigns.get(campaignId);
        if (!campaigns.takesPart(campaignId, holderId)) {
            throw new DomainException("acceptance.appraisal.notInCampaign");
        }
        return c;
    }

    private PhaseGate gate(long campaignId) {
        return phaseWindows.gate(campaigns.get(campaignId), Phase.ACCEPTANCE);
    }

    private List<AppraisalView.Candidate> candidates(long campaignId, Acting acting) {
        if (acting.organization() == null) {
            throw new AccessDeniedException("out of scope");
        }
        return queries.eligible(campaignId, acting.organizationId(), acting.organization().path()).stream()
                .map(x -> new AppraisalView.Candidate(x.id(), x.name(), x.grade())).toList();
    }

    /** Each organisation's counted totals over the counted sittings, in the order it first appears. */
    static List<AppraisalView.Result> results(List<AppraisalView> list) {
        Map<Long, AppraisalView.Result> out = new LinkedHashMap<>();
        List<AppraisalView> oldestFirst = new ArrayList<>(list);
        java.util.Collections.reverse(oldestFirst);
        for (AppraisalView s : oldestFirst) {
            if (!s.counted()) {
                continue;
            }
            for (AppraisalView.Line l : s.lines()) {
                AppraisalView.Result r = out.get(l.organizationId());
                long invalid = l.invalid() == null ? 0 : l.invalid();
                out.put(l.organizationId(), r == null
                        ? new AppraisalView.Result(l.organizationId(), l.organizationName(), l.rate(), invalid, 1)
                        : new AppraisalView.Result(l.organizationId(), r.organizationName(), r.rate().plus(l.rate()),
                        r.invalid() + invalid, r.sittings() + 1));
            }
        }
        return List.copyOf(out.values());
    }

    private AppraisalView view(AppraisalSitting s, String holderName, PhaseGate gate) {
        List<AppraisalView.Line> lines = s.getLines().stream().map(l -> new AppraisalView.Line(l.getOrganizationId(),
                l.getOrganizationName(), l.getSatisfied(), l.getFairlySatisfied(), l.getDissatisfied(), l.getInvalid(),
                l.rate())).toList();
        int turnout = s.getStatus() == AppraisalStatus.VOTING && s.getBallotSlug() != null ? ballots.turnout(s.getBallotSlug()) : 0;
        return new AppraisalView(s.getId(), s.getCampaignId(), s.getHolderOrganizationId(), holderName, s.getHeldOn(),
                s.getPlace(), s.getMembersExpected(), s.getMembersPresent(), s.getPublicExpected(), s.getPublicPresent(),
                s.getMode(), s.getStatus(), s.getBallotsIssued(), s.getBallotsReturned(),
                s.getStatus() == AppraisalStatus.VOIDED ? null : s.getBallotSlug(), turnout, s.getCountedAt(),
                people.name(s.getCountedBy()), s.getVoidReason(), people.name(s.getCreatedBy()), s.getCreatedAt(),
                gate.lateAt(s.getCreatedAt()), s.getVersion(), lines);
    }

    private static String lines(AppraisalSitting s) {
        List<String> out = new ArrayList<>();
        for (AppraisalLine l : s.getLines()) {
            if (l.entered()) {
                SatisfactionRate r = l.rate();
                out.add(l.getOrganizationName() + " 满意 " + r.satisfied() + "，基本满意 " + r.fairlySatisfied() + "，不满意 "
                        + r.dissatisfied() + "，无效 " + l.getInvalid());
            }
        }
        return String.join("；", out);
    }

    private static Map<String, Object> state(AppraisalSitting s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.getStatus().name());
        m.put("mode", s.getMode().name());
        if (s.getBallotsReturned() != null) {
            m.put("issued", s.getBallotsIssued());
            m.put("returned", s.getBallotsReturned());
            Map<String, Object> lines = new LinkedHashMap<>();
            for (AppraisalLine l : s.getLines()) {
                if (l.entered()) {
                    lines.put(String.valueOf(l.getOrganizationId()), List.of(l.getSatisfied(), l.getFairlySatisfied(),
                            l.getDissatisfied(), l.getInvalid()));
                }
            }
            m.put("lines", lines);
        }
        return m;
    }
}
