package cn.tierup.grading;

import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.PageResult;
import java.time.LocalDateTime;
import java.util.List;
import cn.tierup.grading.internal.GradingCaseRepository;
import cn.tierup.grading.internal.RegisterQueries;
import cn.tierup.grading.internal.SchemeRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分类管理台账: every decided grade, year after year — who decided it, when and why — read from the
 * decided cases themselves, so it can never disagree with them, beside the year-end grade the acceptance module
 * publishes for the same organisation and campaign. A user sees the organisations in their
 * subtree and those their organisation grades.
 */
@Service
public class GradeRegister {

    private final RegisterQueries queries;
    private final ScopeGuard guard;
    private final GradingCaseRepository cases;
    private final SchemeRepository schemes;

    GradeRegister(RegisterQueries queries, ScopeGuard guard, GradingCaseRepository cases, SchemeRepository schemes) {
        this.queries = queries;
        this.guard = guard;
        this.cases = cases;
        this.schemes = schemes;
    }

    /**
     * One organisation in one year: its 年初定级 (from 对标定级) and, once decided, its 年末审定 (from 上级审评) —
     * each with who decided it, when and why.
     */
    public record Entry(int year, long organizationId, String name, String field, String parentName, String selfGrade,
                        String grade, Grade level, String authorityName, String decidedBy, LocalDateTime decidedAt,
                        String reason, long campaignId, YearEnd yearEnd) {
    }

    /** The 年末审定 grade of the year, read from the view the acceptance module publishes. */
    public record YearEnd(String grade, Grade level, String authorityName, String decidedBy, LocalDateTime decidedAt,
                          String reason) {
    }

    /** Filters: year, field, a subtree ("town"), class, part of a name. */
    public record Query(Integer year, String field, Long under, Grade level, String name, Integer page, Integer size) {
    }

    @Transactional(readOnly = true)
    public PageResult<Entry> find(Query q) {
        OrgRef home = guard.require(Permission.CAMPAIGN_READ, guard.currentUser().organizationId());
        String under = q.under() == null ? null : guard.require(Permission.CAMPAIGN_READ, q.under()).path();
        return queries.find(home.path(), under, q);
    }

    /** An organisation's decided grade in a campaign. */
    public record Decided(String grade, Grade level, LocalDateTime decidedAt) {
    }

    /** The grade decided for one organisation in one campaign, if any (callers have checked access). */
    @Transactional(readOnly = true)
    public java.util.Optional<Decided> decided(long campaignId, long organizationId) {
        return queries.decided(campaignId, organizationId);
    }

    /**
     * The grades of the standard the organisation was graded against in the campaign, best first (empty when it
     * was not graded): the grades its year-end review may propose and decide.
     */
    @Transactional(readOnly = true)
    public List<GradeBand> grades(long campaignId, long organizationId) {
        return cases.findByCampaignIdAndOrganizationId(campaignId, organizationId)
                .flatMap(k -> schemes.findById(k.getSchemeId()))
                .map(s -> s.getStandard().grades())
                .orElse(List.of());
    }

    /**
     * "上年等次": the organisation's 年末审定 grade in the previous year's campaign of the same root (year − 1), if
     * one was decided (callers have checked access).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<YearEnd> previousYearEnd(long campaignId, long organizationId) {
        return queries.previousYearEnd(campaignId, organizationId);
    }

    /** The years the register holds, newest first, for the filter. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        guard.scope(Permission.CAMPAIGN_READ);
        return queries.years();
    }
}
