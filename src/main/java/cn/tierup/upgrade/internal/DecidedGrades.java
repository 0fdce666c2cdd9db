package cn.tierup.upgrade.internal;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeDecided;
import cn.tierup.grading.GradeReopened;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Upgrade's own copy of the grades decided in each campaign, kept from grading's events: a goal is
 * owed once a grade is decided, and those graded 先进 may be paired with the weak.
 *
 * <p>The listeners run after grading's transaction commits, in their own transaction, in the thread
 * of the request that decided — not asynchronously as {@code @ApplicationModuleListener} would: the
 * authority's next page (and the organisation's desk) must already show what is owed. The event
 * publication registry tracks them all the same: an event whose listener failed, or was cut off by a
 * crash after the commit, stays in {@code event_publication} and is delivered again at the next start.
 */
@Component
public class DecidedGrades {

    private final JdbcClient jdbc;

    DecidedGrades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(GradeDecided e) {
        forget(e.campaignId(), e.organizationId());
        jdbc.sql("insert into upgrade_decided_grade (campaign_id, organization_id, grade, level) values (:c, :o, :g, :l)")
                .param("c", e.campaignId()).param("o", e.organizationId()).param("g", e.grade()).param("l", e.level().name())
                .update();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(GradeReopened e) {
        forget(e.campaignId(), e.organizationId());
    }

    private void forget(long campaignId, long organizationId) {
        jdbc.sql("delete from upgrade_decided_grade where campaign_id = :c and organization_id = :o")
                .param("c", campaignId).param("o", organizationId).update();
    }

    /** Of {@code organizationIds}, those whose grade is decided in the campaign. */
    public Set<Long> decidedAmong(long campaignId, Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select organization_id from upgrade_decided_grade where campaign_id = :c"
                        + " and organization_id in (:ids)")
                .param("c", campaignId).param("ids", organizationIds).query(Long.class).list());
    }

    /** The class of the grade decided for an organisation in the campaign, if one is decided. */
    public Optional<Grade> levelOf(long campaignId, long organizationId) {
        return jdbc.sql("select level from upgrade_decided_grade where campaign_id = :c and organization_id = :o")
                .param("c", campaignId).param("o", organizationId).query(String.class).optional().map(Grade::valueOf);
    }

    /** An organisation that may be paired with a weak one. */
    public record Helper(long id, String name) {
    }

    /**
     * Who can be paired with {@code organizationId}: those graded 先进 in the campaign and the
     * organisations one level under its root, all within the campaign's tree, in tree order.
     */
    public List<Helper> pairingCandidates(long campaignId, long rootOrganizationId, long organizationId) {
        return jdbc.sql("select o.id, o.name from org_tree_view o join org_tree_view r on r.id = :root"
                        + " where o.retired = false and o.id <> :org and o.path like r.path || '%' and (o.depth = r.depth + 1"
                        + " or exists (select 1 from upgrade_decided_grade g where g.campaign_id = :c and g.organization_id = o.id"
                        + " and g.level = 'ADVANCED')) order by o.sort_key, o.path")
                .param("root", rootOrganizationId).param("org", organizationId).param("c", campaignId)
                .query((rs, n) -> new Helper(rs.getLong(1), rs.getString(2))).list();
    }
}
