package cn.tierup.survey.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums behind the survey figures, one grouped statement each over a list of organisations. Tree and
 * roll come from organisation's published views, online answer sheets from questionnaire's. Under a parent's
 * path each child's line sums everything beneath it; without one, each organisation's own records only.
 */
@Repository
public class SurveyFigureQueries {

    private final JdbcClient jdbc;

    public SurveyFigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The children of an organisation that are not retired, by name. */
    public List<Long> activeChildren(long organizationId) {
        return jdbc.sql("select id from org_tree_view where parent_id = :p and retired = false order by sort_key, name")
                .param("p", organizationId).query(Long.class).list();
    }

    /** The names of the listed organisations, by id. */
    public java.util.Map<Long, String> names(List<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        jdbc.sql("select id, name from org_tree_view where id in (:ids)").param("ids", ids)
                .query((ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /**
     * Organisations, members and self-inspection reports owed / handed in / accepted (leaves owe them). With a
     * {@code parentPath} each listed organisation is a child of that one and its line sums its subtree; without,
     * its own records only.
     */
    public List<ReportCounts> reportCounts(long campaignId, List<Long> ids, String parentPath) {
        List<ReportCounts> out = new ArrayList<>();
        // members counted per organisation once, grouped, over the same organisations (not one look-up per organisation)
        String rows = "select " + line(parentPath) + " as line, o.id, coalesce(mc.n, 0) as members, r.status,"
                + " case when exists (select 1 from org_tree_view x where x.parent_id = o.id and x.retired = false)"
                + " then 0 else 1 end as leaf"
                + " from org_tree_view o"
                + " left join (select m.organization_id, count(*) as n from member_roll_view m"
                + "   join org_tree_view mo on mo.id = m.organization_id"
                + "   where " + scope(parentPath, "mo") + " and m.status = 'ACTIVE' and m.category in ('FULL', 'PROBATIONARY')"
                + "   group by m.organization_id) mc on mc.organization_id = o.id"
                + " left join survey_report r on r.organization_id = o.id and r.campaign_id = :cid and r.type = 'SELF_INSPECTION'"
                + " where " + scope(parentPath, "o") + " and o.retired = false";
        jdbc.sql("select t.line, count(*) as orgs, sum(t.members) as members, sum(t.leaf) as owed,"
                        + " sum(case when t.leaf = 1 and t.status in ('SUBMITTED', 'ACCEPTED') then 1 else 0 end) as handed,"
                        + " sum(case when t.leaf = 1 and t.status = 'ACCEPTED' then 1 else 0 end) as accepted"
                        + " from (" + rows + ") t where t.line in (:ids) group by t.line")
                .params(params(campaignId, ids, parentPath))
                .query((ResultSet rs) -> {
                    out.add(new ReportCounts(rs.getLong("line"), rs.getLong("orgs"), rs.getLong("members"), rs.getLong("owed"),
                            rs.getLong("handed"), rs.getLong("accepted")));
                });
        return out;
    }

    /** Recorded survey work, summed per kind and evaluator group (null outside 民主测评). */
    public List<ActivitySum> activitySums(long campaignId, List<Long> ids, String parentPath) {
        List<ActivitySum> out = new ArrayList<>();
        jdbc.sql("select t.line, t.kind, t.evaluator_group, sum(t.amount) as amt, sum(coalesce(t.returned_count, 0)) as ret"
                        + " from (select " + line(parentPath) + " as line, a.kind, a.evaluator_group, a.amount, a.returned_count"
                        + "   from org_tree_view o join survey_activity a on a.organization_id = o.id and a.campaign_id = :cid"
                        + "   where " + scope(parentPath, "o") + ") t"
                        + " where t.line in (:ids) group by t.line, t.kind, t.evaluator_group")
                .params(params(campaignId, ids, parentPath))
                .query((ResultSet rs) -> {
                    out.add(new ActivitySum(rs.getLong("line"), rs.getString("kind"), rs.getString("evaluator_group"),
                            rs.getLong("amt"), rs.getLong("ret")));
                });
        return out;
    }

    /** Online answer sheets, summed per questionnaire audience and respondent category. */
    public List<SheetSum> sheetSums(long campaignId, List<Long> ids, String parentPath) {
        List<SheetSum> out = new ArrayList<>();
        jdbc.sql("select t.line, t.audience, t.category, sum(t.n) as n"
                        + " from (select " + line(parentPath) + " as line, q.audience, q.category, q.n"
                        + "   from org_tree_view o join questionnaire_sheet_view q on q.organization_id = o.id and q.campaign_id = :cid"
                        + "   where " + scope(parentPath, "o") + ") t"
                        + " where t.line in (:ids) group by t.line, t.audience, t.category")
                .params(params(campaignId, ids, parentPath))
                .query((ResultSet rs) -> {
                    out.add(new SheetSum(rs.getLong("line"), rs.getString("audience"), rs.getString("category"), rs.getLong("n")));
                });
        return out;
    }

    /**
     * The line an organisation {@code o} counts in: itself, or under a parent the child whose subtree holds it — the
     * path's segment after the parent's ("/1/5/" + "23/…" is child 23), so that the whole subtree is read by one
     * indexed prefix and grouped, not joined to each child by a pattern no index serves.
     */
    private static String line(String parentPath) {
        if (parentPath == null) {
            return "o.id";
        }
        String rest = "substring(o.path from :after)";
        return "cast(substring(" + rest + " from 1 for position('/' in " + rest + ") - 1) as bigint)";
    }

    /** The organisations read: the listed ones, or everything strictly under the parent. */
    private static String scope(String parentPath, String alias) {
        return parentPath == null ? alias + ".id in (:ids)" : alias + ".path like :under and " + alias + ".path <> :parent";
    }

    private static java.util.Map<String, Object> params(long campaignId, List<Long> ids, String parentPath) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("cid", campaignId);
        p.put("ids", ids);
        if (parentPath != null) {
            p.put("after", parentPath.length() + 1);
            p.put("under", parentPath + "%");
            p.put("parent", parentPath);
        }
        return p;
    }

    public record ReportCounts(long organizationId, long organizations, long members, long owed, long handedIn,
                               long accepted) {
    }

    public record ActivitySum(long organizationId, String kind, String evaluatorGroup, long amount, long returned) {
    }

    public record SheetSum(long organizationId, String audience, String category, long sheets) {
    }
}
