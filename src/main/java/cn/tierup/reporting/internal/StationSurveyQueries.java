package cn.tierup.reporting.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums behind 附件5, one grouped statement each over a list of units, read from the views their owners publish:
 * the tree (organisation), the stations on the registry and their sessions (station), the reports and their station
 * sections (survey), the answer sheets by template (questionnaire). With {@code subtree} a unit's line sums everything
 * beneath it; without, its own records only (the 本级 line).
 */
@Repository
public class StationSurveyQueries {

    private final JdbcClient jdbc;

    public StationSurveyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The children of a unit that are not retired, in the tree's order. */
    public List<Unit> activeChildren(long organizationId) {
        return jdbc.sql("select id, name from org_tree_view where parent_id = :p and retired = false order by sort_key, name")
                .param("p", organizationId).query((rs, n) -> new Unit(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** Stations on the registry per terminal kind and status, with their yearly funding. */
    public List<StationCount> stations(List<Long> ids, boolean subtree) {
        List<StationCount> out = new ArrayList<>();
        jdbc.sql("select c.id, s.terminal_kind, s.status, count(*) as n, sum(s.yearly_funding) as funding"
                        + " from org_tree_view c join org_tree_view o on " + under(subtree)
                        + " join station_register_view s on s.host_organization_id = o.id"
                        + " where c.id in (:ids) group by c.id, s.terminal_kind, s.status")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    out.add(new StationCount(rs.getLong("id"), rs.getString("terminal_kind"), rs.getString("status"),
                            rs.getLong("n"), rs.getBigDecimal("funding")));
                });
        return out;
    }

    /**
     * Stations on the registry whose host's report in the campaign is handed in (待审核 or 已通过) with an entry for the
     * station; and the hosts (organisations with a station on the registry) and how many of them handed their report in.
     */
    public List<Coverage> coverage(long campaignId, List<Long> ids, boolean subtree) {
        List<Coverage> out = new ArrayList<>();
        jdbc.sql("select c.id,"
                        + " (select count(distinct s.station_id) from org_tree_view o join station_register_view s"
                        + "   on s.host_organization_id = o.id join survey_station_view e on e.station_id = s.station_id"
                        + "   and e.organization_id = s.host_organization_id and e.campaign_id = :cid"
                        + "   and e.report_status in ('SUBMITTED', 'ACCEPTED') where " + under(subtree) + ") as surveyed,"
                        + " (select count(distinct s.host_organization_id) from org_tree_view o join station_register_view s"
                        + "   on s.host_organization_id = o.id where " + under(subtree) + ") as hosts,"
                        + " (select count(distinct s.host_organization_id) from org_tree_view o join station_register_view s"
                        + "   on s.host_organization_id = o.id join survey_report_status_view r"
                        + "   on r.organization_id = s.host_organization_id and r.campaign_id = :cid"
                        + "   and r.status in ('SUBMITTED', 'ACCEPTED') where " + under(subtree) + ") as handed"
                        + " from org_tree_view c where c.id in (:ids)")
                .param("cid", campaignId).param("ids", ids)
                .query((ResultSet rs) -> {
                    out.add(new Coverage(rs.getLong("id"), rs.getLong("surveyed"), rs.getLong("hosts"), rs.getLong("handed")));
                });
        return out;
    }

    /** Answer sheets of the questionnaires launched from one template, per respondent category. */
    public List<Answers> answers(long campaignId, String templateCode, List<Long> ids, boolean subtree) {
        List<Answers> out = new ArrayList<>();
        jdbc.sql("select c.id, q.category, sum(q.n) as n from org_tree_view c join org_tree_view o on " + under(subtree)
                        + " join questionnaire_template_sheet_view q on q.organization_id = o.id and q.campaign_id = :cid"
                        + " and q.template_code = :code where c.id in (:ids) group by c.id, q.category")
                .param("cid", campaignId).param("code", templateCode).param("ids", ids)
                .query((ResultSet rs) -> {
                    out.add(new Answers(rs.getLong("id"), rs.getString("category"), rs.getLong("n")));
                });
        return out;
    }

    /** Learning sessions held from {@code from} to {@code to}, with their attendance, at stations of the unit's hosts. */
    public List<Sessions> sessions(LocalDate from, LocalDate to, List<Long> ids, boolean subtree) {
        List<Sessions> out = new ArrayList<>();
        jdbc.sql("select c.id, count(*) as n, sum(x.party_members) as members, sum(x.public_attendees) as public_count"
                        + " from org_tree_view c join org_tree_view o on " + under(subtree)
                        + " join station_session_view x on x.host_organization_id = o.id and x.held_on between :f and :t"
                        + " where c.id in (:ids) group by c.id")
                .param("f", from).param("t", to).param("ids", ids)
                .query((ResultSet rs) -> {
                    out.add(new Sessions(rs.getLong("id"), rs.getLong("n"), rs.getLong("members"), rs.getLong("public_count")));
                });
        return out;
    }

    private static String under(boolean subtree) {
        return subtree ? "o.path like c.path || '%'" : "o.id = c.id";
    }

    public record Unit(long id, String name) {
    }

    public record StationCount(long unitId, String terminalKind, String status, long stations, BigDecimal funding) {
    }

    public record Coverage(long unitId, long surveyed, long hosts, long handedIn) {
    }

    public record Answers(long unitId, String category, long sheets) {
    }

    public record Sessions(long unitId, long sessions, long memberAttendance, long publicAttendance) {
    }
}
