package cn.tierup.acceptance.internal;

import cn.tierup.campaign.RecognitionLevel;
import cn.tierup.grading.Grade;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the year's figures and the 示范 list: the 年初定级 (grading's {@code decided_grade_view}) beside the
 * 年末审定 ({@code year_end_grade_view}), the organisation tree (organization's {@code org_tree_view}) and this
 * module's recognitions.
 */
@Repository
public class SummaryQueries {

    private final JdbcClient jdbc;

    public SummaryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation graded at the start of the year, with its year-end grade where it has one. */
    public record CoveredRow(long organizationId, String name, String path, String field, String startGrade, Grade startLevel,
                             String endGrade, Grade endLevel) {
    }

    /** An organisation of the tree: id, name, path. */
    public record Unit(long id, String name, String path) {
    }

    /**
     * The organisations whose 年初定级 in the campaign was decided by the authority — or every one graded in it when
     * {@code authorityId} is null (the campaign root's summary) — in the tree's order.
     */
    public List<CoveredRow> covered(long campaignId, Long authorityId) {
        String sql = "select d.organization_id, o.name, o.path, d.field, d.grade, d.level, y.grade as end_grade, y.level as end_level"
                + " from decided_grade_view d join org_tree_view o on o.id = d.organization_id"
                + " left join year_end_grade_view y on y.campaign_id = d.campaign_id and y.organization_id = d.organization_id"
                + " where d.campaign_id = :c" + (authorityId == null ? "" : " and d.authority_organization_id = :a")
                + " order by o.sort_key, o.path";
        var q = jdbc.sql(sql).param("c", campaignId);
        if (authorityId != null) {
            q = q.param("a", authorityId);
        }
        return q.query((rs, n) -> new CoveredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Grade.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8) == null ? null : Grade.valueOf(rs.getString(8)))).list();
    }

    /**
     * The campaign's root and the authorities that decided some 年初定级 in the campaign, with their names and paths,
     * in the tree's order.
     */
    public List<Unit> authorities(long campaignId, long rootId) {
        return jdbc.sql("select o.id, o.name, o.path from org_tree_view o where o.id = :r or o.id in"
                        + " (select distinct d.authority_organization_id from decided_grade_view d where d.campaign_id = :c)"
                        + " order by o.depth, o.sort_key, o.path")
                .param("c", campaignId).param("r", rootId)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Whether the organisation decided any 年初定级 in the campaign. */
    public boolean isAuthority(long campaignId, long organizationId) {
        return jdbc.sql("select count(*) from decided_grade_view where campaign_id = :c and authority_organization_id = :a")
                .param("c", campaignId).param("a", organizationId).query(Long.class).single() > 0;
    }

    /** The organisation's children still in the tree: the units its figures are broken down by. */
    public List<Unit> children(long organizationId) {
        return jdbc.sql("select id, name, path from org_tree_view where parent_id = :p and retired = false order by sort_key, name")
                .param("p", organizationId).query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public String path(long organizationId) {
        return jdbc.sql("select path from org_tree_view where id = :id").param("id", organizationId).query(String.class).single();
    }

    /** Organisations named a 示范 at one of the levels between the two days (inclusive). */
    public Set<Long> namedModels(LocalDate from, LocalDate to, Collection<RecognitionLevel> levels) {
        if (levels.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct organization_id from acceptance_recognition"
                        + " where recognized_on >= :f and recognized_on <= :t and level in (:l)")
                .param("f", from).param("t", to).param("l", levels.stream().map(Enum::name).toList())
                .query(Long.class).list());
    }

    /**
     * Ids of the recognitions of organisations on or below the path, latest first; of one year and of one
     * organisation when given.
     */
    public List<Long> recognitions(String path, Integer year, Long organizationId) {
        String sql = "select r.id from acceptance_recognition r join org_tree_view o on o.id = r.organization_id"
                + " where o.path like :p" + (year == null ? "" : " and r.recognized_on >= :f and r.recognized_on <= :t")
                + (organizationId == null ? "" : " and r.organization_id = :o")
                + " order by r.recognized_on desc, o.sort_key, r.id desc";
        var q = jdbc.sql(sql).param("p", path + "%");
        if (year != null) {
            q = q.param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31));
        }
        if (organizationId != null) {
            q = q.param("o", organizationId);
        }
        return q.query(Long.class).list();
    }
}
