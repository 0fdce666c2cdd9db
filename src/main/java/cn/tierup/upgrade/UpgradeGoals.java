package cn.tierup.upgrade;

import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Authorities;
import cn.tierup.identity.Acting;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.upgrade.internal.GoalRepository;
import cn.tierup.upgrade.internal.ItemRepository;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 争创目标: write and hand in (the organisation), approve or return and mark converted (its authority). A hosted
 * station's goal ({@link Subject#station}) is the host's to write and its authority's to approve, by the same rules.
 */
@Service
public class UpgradeGoals {

    private final GoalRepository goals;
    private final Subjects subjects;
    private final Authorities authorities;
    private final Participation participation;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final ItemRepository items;

    UpgradeGoals(GoalRepository goals, Subjects subjects, Authorities authorities, Participation participation,
                 ScopeGuard guard, AuditRecorder audit, ItemRepository items) {
        this.goals = goals;
        this.subjects = subjects;
        this.authorities = authorities;
        this.participation = participation;
        this.guard = guard;
        this.audit = audit;
        this.items = items;
    }

    /** What the organisation writes: the model level (for 先进), the statement and the measures. */
    public record GoalForm(ModelLevel modelLevel, String statement, List<Measure> measures, Long version) {
    }

    @Transactional(readOnly = true)
    public GoalView get(long campaignId, long organizationId) {
        return get(campaignId, Subject.organization(organizationId));
    }

    /** The goal page of an organisation or of a station it hosts, as the user may see it. */
    @Transactional(readOnly = true)
    public GoalView get(long campaignId, Subject subject) {
        Subjects.Owner o = subjects.resolve(subject);
        return view(campaignId, o, guard.acting(o.organizationId()), authorities.mayActFor(o.organizationId()));
    }

    /**
     * The goal page as {@code acting} may see it; {@code authority}: whether they act as the organisation's
     * authority. Both are resolved once by the use case that shows it.
     */
    private GoalView view(long campaignId, Subjects.Owner o, Acting acting, boolean authority) {
        acting.requireOr(Permission.CAMPAIGN_READ, authority);
        long organizationId = acting.organizationId();
        CampaignView c = participation.require(campaignId, organizationId);
        UpgradeGoal g = goals.findOf(campaignId, organizationId, o.stationId()).orElse(null);
        var decided = subjects.decided(campaignId, o).orElse(null);
        long[] ledger = items.countsOf(campaignId, organizationId, o.stationId());
        return new GoalView(campaignId, c.year(), organizationId, acting.organizationName(), o.stationId(), o.stationName(),
                authorities.of(organizationId).name(),
                g != null ? g.getGrade() : decided == null ? null : decided.grade(),
                g != null ? g.getGradeLevel() : decided == null ? null : decided.level(),
                g != null ? g.getAim() : decided == null ? null : Aim.forGrade(decided.level()),
                g == null ? null : g.getId(), g == null ? null : g.getModelLevel(), g == null ? null : g.getStatement(),
                g == null ? List.of() : g.getMeasures(), g == null ? null : g.getStatus(), g == null ? null : g.getReturnReason(),
                g == null ? null : g.getSubmittedBy(), g == null ? null : g.getSubmittedAt(), g == null ? null : g.getReviewedBy(),
                g == null ? null : g.getReviewedAt(), g == null ? null : g.getConvertedBy(), g == null ? null : g.getConvertedAt(),
                ledger[0], ledger[1], acting.may(Permission.UPGRADE_WRITE) && participation.open(c), authority, g == null ? 0 : g.getVersion());
    }

    @Transactional
    public GoalView save(long campaignId, long organizationId, GoalForm form) {
        return save(campaignId, Subject.organization(organizationId), form);
    }

    @Transactional
    public GoalView save(long campaignId, Subject subject, GoalForm form) {
        Subjects.Owner o = subjects.resolve(subject);
        Acting acting = guard.acting(o.organizationId());
        UpgradeGoal g = writable(campaignId, o, acting, form.version());
        Map<String, Object> before = g.getId() == null ? null : snapshot(g);
        g.write(form.modelLevel(), form.statement(), form.measures(), Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), o.organizationId(), before == null ? "CREATE" : "UPDATE",
                "保存" + o.prefix() + "争创目标草稿", before, snapshot(g));
        return view(campaignId, o, acting, authorities.mayActFor(o.organizationId()));
    }

    @Transactional
    public GoalView submit(long campaignId, long organizationId, GoalForm form) {
        return submit(campaignId, Subject.organization(organizationId), form);
    }

    /** Saves and hands the goal in to the authority in one step. */
    @Transactional
    public GoalView submit(long campaignId, Subject subject, GoalForm form) {
        Subjects.Owner o = subjects.resolve(subject);
        Acting acting = guard.acting(o.organizationId());
        UpgradeGoal g = writable(campaignId, o, acting, form.version());
        Map<String, Object> before = g.getId() == null ? null : snapshot(g);
        LocalDateTime now = LocalDateTime.now();
        g.write(form.modelLevel(), form.statement(), form.measures(), Actors.current(), now);
        g.submit(participation.require(campaignId, o.organizationId()).year(), Actors.current(), now);
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), o.organizationId(), "SUBMIT", "提交" + o.prefix() + "争创目标待上级审核",
                before, snapshot(g));
        return view(campaignId, o, acting, authorities.mayActFor(o.organizationId()));
    }

    @Transactional
    public GoalView approve(long campaignId, long organizationId, long version) {
        return approve(campaignId, Subject.organization(organizationId), version);
    }

    @Transactional
    public GoalView approve(long campaignId, Subject subject, long version) {
        Subjects.Owner o = subjects.resolve(subject);
        Acting acting = authority(o.organizationId());
        UpgradeGoal g = reviewable(campaignId, o, version);
        Map<String, Object> before = snapshot(g);
        g.approve(Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), o.organizationId(), "APPROVE", "审核同意" + o.prefix() + "争创目标", before,
                snapshot(g));
        return view(campaignId, o, acting, true);
    }

    @Transactional
    public GoalView returnForRevision(long campaignId, long organizationId, String reason, long version) {
        return returnForRevision(campaignId, Subject.organization(organizationId), reason, version);
    }

    @Transactional
    public GoalView returnForRevision(long campaignId, Subject subject, String reason, long version) {
        Subjects.Owner o = subjects.resolve(subject);
        Acting acting = authority(o.organizationId());
        UpgradeGoal g = reviewable(campaignId, o, version);
        Map<String, Object> before = snapshot(g);
        g.returnForRevision(reason, Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), o.organizationId(), "RETURN", "退回" + o.prefix() + "争创目标："
                + g.getReturnReason(), before, snapshot(g));
        return view(campaignId, o, acting, true);
    }

    @Transactional
    public GoalView markConverted(long campaignId, long organizationId) {
        return markConverted(campaignId, Subject.organization(organizationId));
    }

    /** 整顿转化 of a 后进 organisation or station, once its plan is approved and its ledger all closed. */
    @Transactional
    public GoalView markConverted(long campaignId, Subject subject) {
        Subjects.Owner o = subjects.resolve(subject);
        Acting acting = authority(o.organizationId());
        participation.require(campaignId, o.organizationId());
        UpgradeGoal g = goals.findOf(campaignId, o.organizationId(), o.stationId())
                .orElseThrow(() -> new DomainException("goal.convert.noPlan"));
        g.requireGrade(subjects.decided(campaignId, o).map(Subjects.Graded::grade).orElse(null));
        long[] ledger = items.countsOf(campaignId, o.organizationId(), o.stationId());
        g.markConverted(ledger[0], ledger[1], Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), o.organizationId(), "CONVERT", "确认后进" + (o.stationId() == null ? "党组织"
                : o.prefix()) + "整顿转化完成（台账 " + ledger[0] + " 项全部销号）", null, snapshot(g));
        return view(campaignId, o, acting, true);
    }

    private UpgradeGoal writable(long campaignId, Subjects.Owner o, Acting acting, Long version) {
        acting.require(Permission.UPGRADE_WRITE);
        long organizationId = acting.organizationId();
        participation.requireOpen(campaignId, organizationId);
        UpgradeGoal g = goals.findOf(campaignId, organizationId, o.stationId()).orElse(null);
        var decided = subjects.decided(campaignId, o)
                .orElseThrow(() -> new DomainException(o.stationId() == null ? "goal.notGraded" : "goal.station.notGraded"));
        if (g == null) {
            return new UpgradeGoal(campaignId, organizationId, o.stationId(), decided.grade(), decided.level(), LocalDateTime.now());
        }
        if (version == null || version != g.getVersion()) {
            throw new StaleRecordException();
        }
        g.regrade(decided.grade(), decided.level());
        return g;
    }

    /** Requires the user to act as the organisation's authority; the organisation resolved for the action. */
    private Acting authority(long organizationId) {
        authorities.require(organizationId);
        return guard.acting(organizationId);
    }

    private UpgradeGoal reviewable(long campaignId, Subjects.Owner o, long version) {
        participation.require(campaignId, o.organizationId());
        UpgradeGoal g = goals.findOf(campaignId, o.organizationId(), o.stationId())
                .orElseThrow(() -> new DomainException("goal.notSubmitted"));
        if (g.getVersion() != version) {
            throw new StaleRecordException();
        }
        g.requireGrade(subjects.decided(campaignId, o).map(Subjects.Graded::grade).orElse(null));
        return g;
    }

    private static Map<String, Object> snapshot(UpgradeGoal g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", g.getStatus().name());
        m.put("modelLevel", g.getModelLevel() == null ? null : g.getModelLevel().name());
        m.put("statement", g.getStatement());
        m.put("measures", g.getMeasures().stream().map(x -> x.text() + "（" + x.owner() + "，" + x.dueOn() + "）").toList());
        return m;
    }
}
