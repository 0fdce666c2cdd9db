package cn.tierup.grading.internal;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeRegister.Decided;
import cn.tierup.grading.GradeRegister.Entry;
import cn.tierup.grading.GradeRegister.Query;
import cn.tierup.grading.GradeRegister.YearEnd;
import cn.tierup.shared.PageResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register's SQL: decided cases with their organisations and campaigns, read through the owners' views. */
@Component
public class RegisterQueries {

    private static final String ORDER = " order by c.campaign_year desc, o.sort_key, o.path";

    private final JdbcClient jdbc;

    RegisterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Entries of organisations under {@code homePath} or graded by an organisation under it, filtered by
     * the query, {@code underPath} narrowing to one subtree (the caller has checked both paths).
     */
    public PageResult<Entry> find(String homePath, String underPath, Query q) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("p", homePath + "%");
        // what the filters and the order need; the rest of a line is joined to the page's lines only
        StringBuilder where = new StringBuilder(" from grading_case g join campaign_year_view c on c.id = g.campaign_id"
                + " join org_tree_view o on o.id = g.organization_id"
                + " where g.decided_grade is not null");
        if (!wholeTree(homePath)) {
            // the cases of the subtree and those its organisations decided: two index look-ups, not an "or" that read
            // every case of the province for a town's register (for the tree's only root every case is its own).
            // The deciders are first narrowed to the subtree's organisations that decided anything: without that the
            // database guessed ~60 cases for each of a county's 1,000 organisations and scanned every case instead
            // (a county's register searched by name: 130 → 20 ms)
            where.append(" and g.id in (select g2.id from grading_case g2"
                    + " join org_tree_view s on s.id = g2.organization_id where s.path like :p"
                    + " union all select g2.id from org_tree_view s"
                    + " join grading_case g2 on g2.authority_organization_id = s.id where s.path like :p"
                    + " and exists (select 1 from grading_case x where x.authority_organization_id = s.id))");
        }
        if (q.year() != null) {
            where.append(" and c.campaign_year = :year");
            p.put("year", q.year());
        }
        if (q.field() != null && !q.field().isBlank()) {
            where.append(" and o.field = :field");
            p.put("field", q.field());
        }
        if (underPath != null) {
            where.append(" and o.path like :under");
            p.put("under", underPath + "%");
        }
        if (q.level() != null) {
            where.append(" and g.decided_level = :level");
            p.put("level", q.level().name());
        }
        if (q.name() != null && !q.name().isBlank()) {
            where.append(" and o.name like :name");
            p.put("name", "%" + q.name().strip() + "%");
        }
        int size = q.size() == null ? 50 : Math.max(1, Math.min(q.size(), 100_000));
        int page = q.page() == null ? 0 : Math.max(0, q.page());
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", page * size);
        List<Entry> items = jdbc.sql("select c.campaign_year, o.id, o.name, o.field, par.name as parent_name, g.self_grade,"
                        + " g.decided_grade, g.decided_level, a.name as authority_name, g.decided_by, g.decided_at,"
                        + " g.decision_reason, g.campaign_id, y.grade as ye_grade, y.level as ye_level, ya.name as ye_authority,"
                        + " y.decided_by as ye_by, y.decided_at as ye_at, y.reason as ye_reason"
                        + " from (select g.id as gid" + where + ORDER + " limit :limit offset :offset) pg"
                        + " join grading_case g on g.id = pg.gid join campaign_year_view c on c.id = g.campaign_id"
                        + " join org_tree_view o on o.id = g.organization_id left join org_tree_view par on par.id = o.parent_id"
                        + " left join org_tree_view a on a.id = g.authority_organization_id"
                        + " left join year_end_grade_view y on y.campaign_id = g.campaign_id and y.organization_id = g.organization_id"
                        + " left join org_tree_view ya on ya.id = y.authority_organization_id" + ORDER)
                .params(p)
                .query((rs, n) -> new Entry(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Grade.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toLocalDateTime(), rs.getString(12), rs.getLong(13),
                        rs.getString("ye_grade") == null ? null : new YearEnd(rs.getString("ye_grade"),
                                Grade.valueOf(rs.getString("ye_level")), rs.getString("ye_authority"), rs.getString("ye_by"),
                                rs.getTimestamp("ye_at").toLocalDateTime(), rs.getString("ye_reason"))))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** Whether the path is the tree's one root's, so that every organisation is under it. */
    private boolean wholeTree(String homePath) {
        List<String> roots = jdbc.sql("select path from org_tree_view where parent_id is null").query(String.class).list();
        return roots.size() == 1 && roots.get(0).equals(homePath);
    }

    public Optional<Decided> decided(long campaignId, long organizationId) {
        return jdbc.sql("select decided_grade, decided_level, decided_at from grading_case"
                        + " where campaign_id = :c and organization_id = :o and decided_grade is not null")
                .param("c", campaignId).param("o", organizationId)
                .query((rs, n) -> new Decided(rs.getString(1), Grade.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toLocalDateTime()))
                .optional();
    }

    /** The 年末审定 of the organisation in the campaign of the same root one year earlier. */
    public Optional<YearEnd> previousYearEnd(long campaignId, long organizationId) {
        return jdbc.sql("select y.grade, y.level, a.name, y.decided_by, y.decided_at, y.reason"
                        + " from campaign_year_view c join campaign_year_view p on p.root_organization_id = c.root_organization_id"
                        + " and p.campaign_year = c.campaign_year - 1"
                        + " join year_end_grade_view y on y.campaign_id = p.id and y.organization_id = :o"
                        + " left join org_tree_view a on a.id = y.authority_organization_id where c.id = :c")
                .param("c", campaignId).param("o", organizationId)
                .query((rs, n) -> new YearEnd(rs.getString(1), Grade.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toLocalDateTime(), rs.getString(6)))
                .optional();
    }

    public List<Integer> years() {
        // per campaign whether any case is decided (the first one found), not every case of every year read
        return jdbc.sql("select distinct c.campaign_year from campaign_year_view c where exists (select 1 from grading_case g"
                + " where g.campaign_id = c.id and g.decided_grade is not null) order by c.campaign_year desc")
                .query(Integer.class).list();
    }
}
