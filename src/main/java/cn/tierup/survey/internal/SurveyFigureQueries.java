package cn.tierup.survey.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums behind the survey figures, one grouped statement each over a list of organisations. Tree and
 * roll come from organisation's published views, online answer sheets from questionnaire's. With
 * {@code subtree} an organisation's line sums everything beneath it; without, its own records only.
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

    /** Organisations, members and self-inspection reports owed / handed in / accepted (leaves owe them). */
    public List<ReportCounts> reportCounts(long campaignId, List<Long> ids, boolean subtree) {
        List<ReportCounts> out = new ArrayList<>();
        jdbc.sql("select c.id, count(o.id) as orgs,"
                        + " sum((select count(*) from member_roll_view m where m.organization_id = o.id and m.status = 'ACTIVE'"
                        + " and m.category in ('FULL', 'PROBATIONARY'))) as members,"
                        + " sum(case when k.n = 0 then 1 else 0 end) as owed,"
                        + " sum(case when k.n = 0 and r.status in ('SUBMITTED', 'ACCEPTED') then 1 else 0 end) as handed,"
                        + " sum(case when k.n = 0 and r.status = 'ACCEPTED' then 1 else 0 end) as accepted"
                        + " from org_tree_view c join org_tree_view o on " + under(subtree) + " and o.retired = false"
                        + " join (select p.id, (select count(*) from org_tree_view x where x.parent_id = p.id and x.retired = false) as n"
                        + "       from org_tree_view p) k on k.id = o.id"
                        + " left join survey_report r on r.organization_id = o.id and r.campaign_id = :cid and r.type = 'SELF_INSPECTION'"
                        + " where c.id in (:ids) group by c.id")
                .param("cid", campaignId).param("ids", ids)
                .query((ResultSet rs) -> {
                    out.add(new ReportCounts(rs.getLong("id"), rs.getLong("orgs"), rs.getLong("members"), rs.getLong("owed"),
                            rs.getLong("handed"), rs.getLong("accepted")));
                });
        return out;
    }

    /** Recorded survey work, summed per kind and evaluator group (null outside 民主测评). */
    public List<ActivitySum> activitySums(long campaignId, List<Long> ids, boolean subtree) {
        List<ActivitySum> out = new ArrayList<>();
        jdbc.sql("select c.id, a.kind, a.evaluator_group, sum(a.amount) as amt, sum(coalesce(a.returned_count, 0)) as ret"
                        + " from org_tree_view c join org_tree_view o on " + under(subtree)
                        + " join survey_activity a on a.organization_id = o.id and a.campaign_id = :cid"
                        + " where c.id in (:ids) group by c.id, a.kind, a.evaluator_group")
                .param("cid", campaignId).param("ids", ids)
                .query((ResultSet rs) -> {
                    out.add(new ActivitySum(rs.getLong("id"), rs.getString("kind"), rs.getString("evaluator_group"),
                            rs.getLong("amt"), rs.getLong("ret")));
                });
        return out;
    }

    /** Online answer sheets, summed per questionnaire audience and respondent category. */
    public List<SheetSum> sheetSums(long campaignId, List<Long> ids, boolean subtree) {
        List<SheetSum> out = new ArrayList<>();
        jdbc.sql("select c.id, q.audience, q.category, sum(q.n) as n from org_tree_view c join org_tree_view o on " + under(subtree)
                        + " join questionnaire_sheet_view q on q.organization_id = o.id and q.campaign_id = :cid"
                        + " where c.id in (:ids) group by c.id, q.audience, q.category")
                .param("cid", campaignId).param("ids", ids)
                .query((ResultSet rs) -> {
                    out.add(new SheetSum(rs.getLong("id"), rs.getString("audience"), rs.getString("category"), rs.getLong("n")));
                });
        return out;
    }

    private static String under(boolean subtree) {
        return subtree ? "o.path like c.path || '%'" : "o.id = c.id";
    }

    public record ReportCounts(long organizationId, long organizations, long members, long owed, long handedIn,
                               long accepted) {
    }

    public record ActivitySum(long organizationId, String kind, String evaluatorGroup, long amount, long returned) {
    }

    public record SheetSum(long organizationId, String audience, String category, long sheets) {
    }
}
