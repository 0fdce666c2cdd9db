package cn.tierup.acceptance.internal;

import cn.tierup.grading.Grade;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grades the transition matrices count, per organisation under a unit: this year's 年初定级 (grading's
 * {@code decided_grade_view}), this year's and last year's 年末审定 (this module's {@code year_end_grade_view}). "Under"
 * is as in the grading tables: in the unit's subtree (the unit itself excepted) or graded by it, within the campaign's
 * tree, its root and retired organisations left out.
 */
@Component
public class TransitionQueries {

    private final JdbcClient jdbc;

    TransitionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A decided grade: its name and class. */
    public record Decided(String grade, Grade level) {
    }

    /** One organisation and its three grades (null where not decided). */
    public record Graded(long id, String name, String field, Decided start, Decided end, Decided lastEnd) {
    }

    /** The campaign of the same root for the year before, if there is one. */
    public Optional<Long> previousCampaign(long campaignId) {
        return jdbc.sql("select p.id from campaign_year_view c join campaign_year_view p"
                        + " on p.root_organization_id = c.root_organization_id and p.campaign_year = c.campaign_year - 1"
                        + " where c.id = :c").param("c", campaignId).query(Long.class).optional();
    }

    public int year(long campaignId) {
        return jdbc.sql("select campaign_year from campaign_year_view where id = :c").param("c", campaignId)
                .query(Integer.class).single();
    }

    /** The organisations under the unit with their grades; {@code field} null for every field. */
    public List<Graded> graded(long campaignId, Long previousId, long rootId, String rootPath, long unitId,
                               String unitPath, String field) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("c", campaignId);
        p.put("prev", previousId == null ? -1L : previousId);
        p.put("root", rootId);
        p.put("rootPath", rootPath + "%");
        p.put("org", unitId);
        p.put("path", unitPath + "%");
        if (field != null) {
            p.put("field", field);
        }
        return jdbc.sql("select o.id, o.name, o.field, s.grade as s_grade, s.level as s_level, e.grade as e_grade,"
                        + " e.level as e_level, l.grade as l_grade, l.level as l_level from org_tree_view o"
                        + " left join decided_grade_view s on s.organization_id = o.id and s.campaign_id = :c"
                        + " left join year_end_grade_view e on e.organization_id = o.id and e.campaign_id = :c"
                        + " left join year_end_grade_view l on l.organization_id = o.id and l.campaign_id = :prev"
                        + " where o.retired = false and o.path like :rootPath and o.id <> :root"
                        + " and ((o.path like :path and o.id <> :org) or coalesce(o.grading_authority_id, o.parent_id) = :org)"
                        + (field == null ? "" : " and o.field = :field") + " order by o.sort_key, o.path")
                .params(p)
                .query((rs, n) -> new Graded(rs.getLong("id"), rs.getString("name"), rs.getString("field"),
                        decided(rs.getString("s_grade"), rs.getString("s_level")),
                        decided(rs.getString("e_grade"), rs.getString("e_level")),
                        decided(rs.getString("l_grade"), rs.getString("l_level"))))
                .list();
    }

    /** The child units of an organisation a user may pick (not retired), in the tree's order. */
    public List<Map.Entry<Long, String>> children(long organizationId) {
        return jdbc.sql("select id, name from org_tree_view where parent_id = :o and retired = false order by sort_key, path")
                .param("o", organizationId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    public String path(long organizationId) {
        return jdbc.sql("select path from org_tree_view where id = :o").param("o", organizationId).query(String.class).single();
    }

    private static Decided decided(String grade, String level) {
        return grade == null || level == null ? null : new Decided(grade, Grade.valueOf(level));
    }
}
