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
 * 年末审定 ({@code year_end_grade_view}), the stations' two grades (station's {@code station_grade_view} and
 * {@code station_year_end_grade_view}, its {@code station_roster_view}), the organisation tree (organization's
 * {@code org_tree_view}) and this module's recognitions.
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
     * The campaign's root and the authorities that decided some 年初定级 in the campaign — of an organisation or of a
     * station (station's {@code station_grade_view}) — with their names and paths, in the tree's order.
     */
    public List<Unit> authorities(long campaignId, long rootId) {
        return jdbc.sql("select o.id, o.name, o.path from org_tree_view o where o.id = :r or o.id in"
                        + " (select distinct d.authority_organization_id from decided_grade_view d where d.campaign_id = :c)"
                        + " or o.id in (select distinct g.authority_organization_id from station_grade_view g where g.campaign_id = :c)"
                        + " order by o.depth, o.sort_key, o.path")
                .param("c", campaignId).param("r", rootId)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Of the listed organisations, those that decided some 年初定级 in the campaign (of an organisation or of a
     * station), in the tree's order: each looked up by its id, not every decision of the campaign read.
     */
    public List<Unit> authoritiesAmong(long campaignId, java.util.Collection<Long> ids) {
        return jdbc.sql("select o.id, o.name, o.path from org_tree_view o where o.id in (:ids) and (exists"
                        + " (select 1 from decided_grade_view d where d.campaign_id = :c and d.authority_organization_id = o.id)"
                        + " or exists (select 1 from station_grade_view g where g.campaign_id = :c and g.authority_organization_id = o.id))"
                        + " order by o.depth, o.sort_key, o.path")
                .param("c", campaignId).param("ids", ids)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Whether the organisation decided any 年初定级 in the campaign, of an organisation or of a station. */
    public boolean isAuthority(long campaignId, long organizationId) {
        return jdbc.sql("select count(*) from decided_grade_view where campaign_id = :c and authority_organization_id = :a")
                .param("c", campaignId).param("a", organizationId).query(Long.class).single() > 0
                || jdbc.sql("select count(*) from station_grade_view where campaign_id = :c and authority_organization_id = :a")
                .param("c", campaignId).param("a", organizationId).query(Long.class).single() > 0;
    }

    /** A station graded at the start of the year, with its year-end class where it has one. */
    public record StationRow(long stationId, String name, String hostName, String hostPath, String startGrade, Grade startLevel,
                             String endGrade, Grade endLevel) {
    }

    /**
     * The stations whose 年初定级 in the campaign the authority decided — every one graded in it when
     * {@code authorityId} is null — with the 年末审定 beside it (station's {@code station_grade_view} and
     * {@code station_year_end_grade_view}), in the tree's order.
     */
    public List<StationRow> stations(long campaignId, Long authorityId) {
        String sql = "select g.station_id, s.name, o.name, o.path, g.decided_grade, g.decided_level, y.decided_grade, y.decided_level"
                + " from station_grade_view g join station_roster_view s on s.id = g.station_id"
                + " join org_tree_view o on o.id = g.host_organization_id"
                + " left join station_year_end_grade_view y on y.campaign_id = g.campaign_id and y.station_id = g.station_id"
                + " where g.campaign_id = :c" + (authorityId == null ? "" : " and g.authority_organization_id = :a")
                + " order by o.sort_key, o.path, s.name_key, s.id";
        var q = jdbc.sql(sql).param("c", campaignId);
        if (authorityId != null) {
            q = q.param("a", authorityId);
        }
        return q.query((rs, n) -> new StationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Grade.valueOf(rs.getString(6)), rs.getString(7),
                rs.getString(8) == null ? null : Grade.valueOf(rs.getString(8)))).list();
    }

    /** A station as a recognition names it: its host (whose superiors record it) and whether it is retired by {@code day}. */
    public record StationRef(long id, String name, long hostId, String hostName, LocalDate retiredOn) {

        public boolean retiredBy(LocalDate day) {
            return retiredOn != null && !retiredOn.isAfter(day);
        }
    }

    /** The station from station's {@code station_roster_view}. */
    public java.util.Optional<StationRef> station(long stationId) {
        return jdbc.sql("select s.id, s.name, o.id, o.name, s.retired_on from station_roster_view s"
                        + " join org_tree_view o on o.id = s.host_organization_id where s.id = :id")
                .param("id", stationId)
                .query((rs, n) -> new StationRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate())).optional();
    }

    /** The organisation's children still in the tree: the units its figures are broken down by. */
    public List<Unit> children(long organizationId) {
        return jdbc.sql("select id, name, path from org_tree_view where parent_id = :p and retired = false order by sort_key, name")
                .param("p", organizationId).query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public String path(long organizationId) {
        return jdbc.sql("select path from org_tree_view where id = :id").param("id", organizationId).query(String.class).single();
    }

    /** Organisations named a 示范 at one of the levels between the two days (inclusive); a 示范站点 names its station, not its host. */
    public Set<Long> namedModels(LocalDate from, LocalDate to, Collection<RecognitionLevel> levels) {
        return named("organization_id", "station_id is null", from, to, levels);
    }

    /** Stations named a 示范站点 at one of the levels between the two days (inclusive). */
    public Set<Long> namedStations(LocalDate from, LocalDate to, Collection<RecognitionLevel> levels) {
        return named("station_id", "station_id is not null", from, to, levels);
    }

    private Set<Long> named(String column, String which, LocalDate from, LocalDate to, Collection<RecognitionLevel> levels) {
        if (levels.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct " + column + " from acceptance_recognition"
                        + " where " + which + " and recognized_on >= :f and recognized_on <= :t and level in (:l)")
                .param("f", from).param("t", to).param("l", levels.stream().map(Enum::name).toList())
                .query(Long.class).list());
    }


    /**
     * Ids of the recognitions of organisations (and of the stations they host) on or below the path, latest first; of
     * one year, one organisation, one station when given.
     */
    public List<Long> recognitions(String path, Integer year, Long organizationId, Long stationId) {
        String sql = "select r.id from acceptance_recognition r join org_tree_view o on o.id = r.organization_id"
                + " where o.path like :p" + (year == null ? "" : " and r.recognized_on >= :f and r.recognized_on <= :t")
                + (organizationId == null ? "" : " and r.organization_id = :o")
                + (stationId == null ? "" : " and r.station_id = :s")
                + " order by r.recognized_on desc, o.sort_key, r.id desc";
        var q = jdbc.sql(sql).param("p", path + "%");
        if (year != null) {
            q = q.param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31));
        }
        if (organizationId != null) {
            q = q.param("o", organizationId);
        }
        if (stationId != null) {
            q = q.param("s", stationId);
        }
        return q.query(Long.class).list();
    }
}
