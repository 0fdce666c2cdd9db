package cn.tierup.reporting.internal;

import cn.tierup.grading.Grade;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reporting's reading of the stations for 附件6 and 附件7: the station module's published views (its roster and its
 * decided grades) over the organisation module's tree. Reporting owns none of these tables.
 */
@Component
public class StationFigureQueries {

    private final JdbcClient jdbc;

    StationFigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation of the tree: id, name and path. */
    public record Unit(long id, String name, String path) {
    }

    /** A station counted in a campaign, with its decided grade where there is one. */
    public record Counted(long stationId, String stationName, long hostId, String hostName, String hostPath,
                          Integer scoreTotal, Integer scoreMaximum, String proposedGrade, String grade, Grade level,
                          String reason, String decidedByName, LocalDateTime decidedAt) {
    }

    public Unit unit(long organizationId) {
        return jdbc.sql("select id, name, path from org_tree_view where id = :id").param("id", organizationId)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
    }

    /** The organisations directly under one, in the tree's order. */
    public List<Unit> children(long organizationId) {
        return jdbc.sql("select id, name, path from org_tree_view where parent_id = :id and retired = false order by sort_key, name")
                .param("id", organizationId)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * The stations hosted under {@code path} (and under the campaign's root) that were on the registry during the
     * campaign's year — opened by its end, not retired before it began — or were graded in the campaign.
     */
    public List<Counted> stations(long campaignId, String path, String rootPath, int year) {
        return jdbc.sql("select s.id, s.name, o.id, o.name, o.path, g.score_total, g.score_maximum, g.proposed_grade,"
                        + " g.decided_grade, g.decided_level, g.decision_reason, g.decided_by_name, g.decided_at"
                        + " from station_roster_view s join org_tree_view o on o.id = s.host_organization_id"
                        + " left join station_grade_view g on g.station_id = s.id and g.campaign_id = :campaign"
                        + " where o.path like :path and o.path like :rootPath and ((s.opened_on <= :yearEnd"
                        + " and (s.retired_on is null or s.retired_on >= :yearStart)) or g.station_id is not null)"
                        + " order by o.sort_key, s.name_key, s.id")
                .param("campaign", campaignId).param("path", path + "%").param("rootPath", rootPath + "%")
                .param("yearEnd", Date.valueOf(LocalDate.of(year, 12, 31)))
                .param("yearStart", Date.valueOf(LocalDate.of(year, 1, 1)))
                .query((rs, n) -> new Counted(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6, Integer.class), (Integer) rs.getObject(7, Integer.class), rs.getString(8),
                        rs.getString(9), rs.getString(10) == null ? null : Grade.valueOf(rs.getString(10)), rs.getString(11),
                        rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toLocalDateTime()))
                .list();
    }
}
