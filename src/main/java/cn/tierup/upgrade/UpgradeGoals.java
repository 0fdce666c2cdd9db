package cn.tierup.upgrade;

import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Authorities;
import cn.tierup.grading.GradeRegister;
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

/** 争创目标: write and hand in (the organisation), approve or return and mark converted (its authority). */
@Service
public class UpgradeGoals {

    private final GoalRepository goals;
    private final GradeRegister register;
    private final Authorities authorities;
    private final Participation participation;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final ItemRepository items;

    UpgradeGoals(GoalRepository goals, GradeRegister register, Authorities authorities, Participation participation,
                 ScopeGuard guard, AuditRecorder audit, ItemRepository items) {
        this.goals = goals;
        this.register = register;
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
        return view(campaignId, guard.acting(organizationId), authorities.mayActFor(organizationId));
    }

    /**
     * The goal page as {@code acting} may see it; {@code authority}: whether they act as the organisation's
     * authority. Both are resolved once by the use case that shows it.
     */
    private GoalView view(long campaignId, Acting acting, boolean authority) {
        acting.requireOr(Permission.CAMPAIGN_READ, authority);
        long organizationId = acting.organizationId();
        CampaignView c = participation.require(campaignId, organizationId);
        UpgradeGoal g = goals.findByCampaignIdAndOrganizationId(campaignId, organizationId).orElse(null);
        var decided = register.decided(campaignId, organizationId).orElse(null);
        long[] ledger = ledger(campaignId, organizationId);
        return new GoalView(campaignId, c.year(), organizationId, acting.organizationName(), authorities.of(organizationId).name(),
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
        Acting acting = guard.acting(organizationId);
        UpgradeGoal g = writable(campaignId, acting, form.version());
        Map<String, Object> before = g.getId() == null ? null : snapshot(g);
        g.write(form.modelLevel(), form.statement(), form.measures(), Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), organizationId, before == null ? "CREATE" : "UPDATE", "保存争创目标草稿",
                before, snapshot(g));
        return view(campaignId, acting, authorities.mayActFor(organizationId));
    }

    /** Saves and hands the goal in to the authority in one step. */
    @Transactional
    public GoalView submit(long campaignId, long organizationId, GoalForm form) {
        Acting acting = guard.acting(organizationId);
        UpgradeGoal g = writable(campaignId, acting, form.version());
        Map<String, Object> before = g.getId() == null ? null : snapshot(g);
        LocalDateTime now = LocalDateTime.now();
        g.write(form.modelLevel(), form.statement(), form.measures(), Actors.current(), now);
        g.submit(participation.require(campaignId, organizationId).year(), Actors.current(), now);
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), organizationId, "SUBMIT", "提交争创目标待上级审核", before, snapshot(g));
        return view(campaignId, acting, authorities.mayActFor(organizationId));
    }

    @Transactional
    public GoalView approve(long campaignId, long organizationId, long version) {
        Acting acting = authority(organizationId);
        UpgradeGoal g = reviewable(campaignId, organizationId, version);
        Map<String, Object> before = snapshot(g);
        g.approve(Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), organizationId, "APPROVE", "审核同意争创目标", before, snapshot(g));
        return view(campaignId, acting, true);
    }

    @Transactional
    public GoalView returnForRevision(long campaignId, long organizationId, String reason, long version) {
        Acting acting = authority(organizationId);
        UpgradeGoal g = reviewable(campaignId, organizationId, version);
        Map<String, Object> before = snapshot(g);
        g.returnForRevision(reason, Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), organizationId, "RETURN", "退回争创目标：" + g.getReturnReason(), before,
                snapshot(g));
        return view(campaignId, acting, true);
    }

    /** 整顿转化 of a 后进 organisation, once its plan is approved and its ledger all closed. */
    @Transactional
    public GoalView markConverted(long campaignId, long organizationId) {
        Acting acting = authority(organizationId);
        participation.require(campaignId, organizationId);
        UpgradeGoal g = goals.findByCampaignIdAndOrganizationId(campaignId, organizationId)
                .orElseThrow(() -> new DomainException("goal.convert.noPlan"));
        g.requireGrade(register.decided(campaignId, organizationId).map(GradeRegister.Decided::grade).orElse(null));
        long[] ledger = ledger(campaignId, organizationId);
        g.markConverted(ledger[0], ledger[1], Actors.current(), LocalDateTime.now());
        goals.saveAndFlush(g);
        audit.record("UpgradeGoal", g.getId(), organizationId, "CONVERT", "确认后进党组织整顿转化完成（台账 " + ledger[0]
                + " 项全部销号）", null, snapshot(g));
        return view(campaignId, acting, true);
    }

    private UpgradeGoal writable(long campaignId, Acting acting, Long version) {
        acting.require(Permission.UPGRADE_WRITE);
        long organizationId = acting.organizationId();
        participation.requireOpen(campaignId, organizationId);
        UpgradeGoal g = goals.findByCampaignIdAndOrganizationId(campaignId, organizationId).orElse(null);
        var decided = register.decided(campaignId, organizationId).orElseThrow(() -> new DomainException("goal.notGraded"));
        if (g == null) {
            return new UpgradeGoal(campaignId, organizationId, decided.grade(), decided.level(), LocalDateTime.now());
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

    private UpgradeGoal reviewable(long campaignId, long organizationId, long version) {
        participation.require(campaignId, organizationId);
        UpgradeGoal g = goals.findByCampaignIdAndOrganizationId(campaignId, organizationId)
                .orElseThrow(() -> new DomainException("goal.notSubmitted"));
        if (g.getVersion() != version) {
            throw new StaleRecordException();
        }
        g.requireGrade(register.decided(campaignId, organizationId).map(GradeRegister.Decided::grade).orElse(null));
        return g;
    }

    /** Items in the ledger and those still open. */
    private long[] ledger(long campaignId, long organizationId) {
        return new long[] {items.countByCampaignIdAndOrganizationId(campaignId, organizationId),
                items.countByCampaignIdAndOrganizationIdAndStatus(campaignId, organizationId, ItemStatus.OPEN)};
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
