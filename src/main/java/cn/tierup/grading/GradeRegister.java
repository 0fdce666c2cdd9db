package cn.tierup.grading;

import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.PageResult;
import java.time.LocalDateTime;
import java.util.List;
import cn.tierup.grading.internal.RegisterQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分类管理台账: every decided grade, year after year — who decided it, when and why — read from the
 * decided cases themselves, so it can never disagree with them. A user sees the organisations in their
 * subtree and those their organisation grades.
 */
@Service
public class GradeRegister {

    private final RegisterQueries queries;
    private final ScopeGuard guard;

    GradeRegister(RegisterQueries queries, ScopeGuard guard) {
        this.queries = queries;
        this.guard = guard;
    }

    public record Entry(int year, long organizationId, String name, String field, String parentName, String selfGrade,
                        String grade, Grade level, String authorityName, String decidedBy, LocalDateTime decidedAt,
                        String reason, long campaignId) {
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

    /** The years the register holds, newest first, for the filter. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        guard.scope(Permission.CAMPAIGN_READ);
        return queries.years();
    }
}
