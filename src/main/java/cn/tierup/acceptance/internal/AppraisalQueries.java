package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.AppraisalResults;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of the 民主测评: which organisations a holder may rate (those with a 年初定级 grade in the campaign, from
 * grading's {@code decided_grade_view}, that it grades or has in its subtree, in the tree's order), and the counted
 * totals of an organisation summed over the sittings counted — the {@link AppraisalResults} the 上级审评 reads.
 */
@Component
public class AppraisalQueries implements AppraisalResults {

    private final JdbcClient jdbc;

    AppraisalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation a holder may rate, with its start-of-year grade. */
    public record Candidate(long id, String name, String grade) {
    }

    /** Organisations graded this year that {@code holder} (at {@code holderPath}) grades or has below it. */
    public List<Candidate> eligible(long campaignId, long holder, String holderPath) {
        return jdbc.sql("select o.id, o.name, d.grade from decided_grade_view d join org_tree_view o on o.id = d.organization_id"
                        + " where d.campaign_id = :c and o.retired = false and o.id <> :h"
                        + " and (d.authority_organization_id = :h or o.path like :p)"
                        + " order by o.sort_key, o.path, o.id")
                .param("c", campaignId).param("h", holder).param("p", holderPath + "%")
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AppraisalResult> result(long campaignId, long organizationId) {
        return jdbc.sql("select coalesce(sum(l.satisfied), 0), coalesce(sum(l.fairly_satisfied), 0),"
                        + " coalesce(sum(l.dissatisfied), 0), count(*) from acceptance_appraisal_line l"
                        + " join acceptance_appraisal a on a.id = l.appraisal_id"
                        + " where a.campaign_id = :c and l.organization_id = :o and a.status = 'COUNTED'")
                .param("c", campaignId).param("o", organizationId)
                .query((rs, i) -> new AppraisalResult(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
                .optional().filter(r -> r.sittings() > 0);
    }
}
