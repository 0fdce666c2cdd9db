package cn.tierup.station.internal;

import cn.tierup.grading.Grade;
import cn.tierup.shared.PageResult;
import cn.tierup.station.StationGradingLine;
import cn.tierup.station.StationGradingRound;
import cn.tierup.station.StationRegisterLine;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The station module's questions about stations and their gradings that the repositories do not answer by name:
 * a station with its host (from the organisation module's published tree), the stations under an organisation with
 * where their grading stands in a campaign, and the register of decided grades year after year.
 */
@Component
public class StationGradingQueries {

    private final JdbcClient jdbc;

    StationGradingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A station and its host, as the scope guard and the pages need them. */
    public record StationHost(long id, String name, long hostId, String hostName, String hostPath, LocalDate openedOn,
                              LocalDate retiredOn) {

        /** On the registry at some time during the year: opened by its end, not retired before it began. */
        public boolean onRegisterIn(int year) {
            return !openedOn.isAfter(LocalDate.of(year, 12, 31))
                    && (retiredOn == null || !retiredOn.isBefore(LocalDate.of(year, 1, 1)));
        }
    }

    private static final String STATION_HOST = "select s.id, s.name, o.id as host_id, o.name as host_name, o.path,"
            + " s.opened_on, s.retired_on from station s join org_tree_view o on o.id = s.host_organization_id";

    public Optional<StationHost> station(long stationId) {
        return jdbc.sql(STATION_HOST + " where s.id = :id").param("id", stationId).query(StationGradingQueries::host).optional();
    }

    /** The path of an organisation in the published tree. */
    public Optional<String> path(long organizationId) {
        return jdbc.sql("select path from org_tree_view where id = :id").param("id", organizationId).query(String.class).optional();
    }

    /** What the overview is filtered by: the stations under {@code path} on the registry in {@code year}. */
    public record Filter(String path, String rootPath, int year, StationGradingRound round, String status, String name) {
    }

    private static final String LINES = " from station s join org_tree_view o on o.id = s.host_organization_id"
            + " left join station_grading g on g.station_id = s.id and g.campaign_id = :campaign and g.grading_round = :round"
            + " left join station_grading st on st.station_id = s.id and st.campaign_id = :campaign"
            + " and st.grading_round = 'START' and st.decided_grade is not null"
            + " where o.path like :path and o.path like :rootPath and s.opened_on <= :yearEnd"
            + " and (s.retired_on is null or s.retired_on >= :yearStart)";

    public PageResult<StationGradingLine> lines(long campaignId, Filter f, int page, int size) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("campaign", campaignId);
        p.put("round", f.round().name());
        p.put("path", f.path() + "%");
        p.put("rootPath", f.rootPath() + "%");
        p.put("yearEnd", Date.valueOf(LocalDate.of(f.year(), 12, 31)));
        p.put("yearStart", Date.valueOf(LocalDate.of(f.year(), 1, 1)));
        StringBuilder where = new StringBuilder();
        if (f.status() != null && !f.status().isBlank()) {
            if ("NOT_STARTED".equals(f.status())) {
                where.append(" and g.id is null");
            } else {
                where.append(" and g.status = :status");
                p.put("status", f.status());
            }
        }
        if (f.name() != null && !f.name().isBlank()) {
            where.append(" and (s.name like :name or o.name like :name)");
            p.put("name", "%" + f.name().strip() + "%");
        }
        long total = jdbc.sql("select count(*)" + LINES + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<StationGradingLine> items = jdbc.sql("select s.id, s.name, o.id, o.name, g.status, g.score_total, g.proposed_grade,"
                        + " g.decided_grade, g.decided_level, g.decided_by_name, g.decided_at, st.decided_grade" + LINES + where
                        + " order by o.sort_key, s.name_key, s.id limit :limit offset :offset")
                .params(p)
                .query((rs, n) -> new StationGradingLine(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6, Integer.class), rs.getString(7), rs.getString(8),
                        rs.getString(9) == null ? null : Grade.valueOf(rs.getString(9)), rs.getString(10), time(rs.getTimestamp(11)),
                        rs.getString(12)))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /**
     * The register's filters: the subtree, and optionally a year, a class (of the 年初定级) and part of a station's or
     * host's name.
     */
    public record RegisterQuery(String path, Integer year, Grade level, String name) {
    }

    /** A line per station and year: the decided 年初定级, with the decided 年末审定 beside it where there is one. */
    private static final String REGISTER = " from station_grading g join station s on s.id = g.station_id"
            + " join org_tree_view o on o.id = s.host_organization_id join campaign_year_view c on c.id = g.campaign_id"
            + " left join station_grading y on y.campaign_id = g.campaign_id and y.station_id = g.station_id"
            + " and y.grading_round = 'YEAR_END' and y.decided_grade is not null"
            + " where g.decided_grade is not null and g.grading_round = 'START' and o.path like :path";

    public PageResult<StationRegisterLine> register(RegisterQuery q, int page, int size) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", q.path() + "%");
        StringBuilder where = new StringBuilder();
        if (q.year() != null) {
            where.append(" and c.campaign_year = :year");
            p.put("year", q.year());
        }
        if (q.level() != null) {
            where.append(" and g.decided_level = :level");
            p.put("level", q.level().name());
        }
        if (q.name() != null && !q.name().isBlank()) {
            where.append(" and (s.name like :name or o.name like :name)");
            p.put("name", "%" + q.name().strip() + "%");
        }
        long total = jdbc.sql("select count(*)" + REGISTER + where).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<StationRegisterLine> items = jdbc.sql("select c.campaign_year, g.campaign_id, s.id, s.name, o.id, o.name, g.score_total,"
                        + " g.score_maximum, g.proposed_grade, g.decided_grade, g.decided_level, g.decision_reason,"
                        + " g.decided_by_name, g.decided_at, y.score_total, y.proposed_grade, y.decided_grade, y.decided_level,"
                        + " y.decision_reason, y.decided_by_name, y.decided_at" + REGISTER + where
                        + " order by c.campaign_year desc, o.sort_key, s.name_key, s.id limit :limit offset :offset")
                .params(p)
                .query((rs, n) -> new StationRegisterLine(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), (Integer) rs.getObject(7, Integer.class), (Integer) rs.getObject(8, Integer.class),
                        rs.getString(9), rs.getString(10), Grade.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                        time(rs.getTimestamp(14)), (Integer) rs.getObject(15, Integer.class), rs.getString(16), rs.getString(17),
                        rs.getString(18) == null ? null : Grade.valueOf(rs.getString(18)), rs.getString(19), rs.getString(20),
                        time(rs.getTimestamp(21))))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** The years the register has decisions for, under a path, newest first. */
    public List<Integer> registerYears(String path) {
        return jdbc.sql("select distinct c.campaign_year" + REGISTER + " order by c.campaign_year desc")
                .param("path", path + "%").query(Integer.class).list();
    }

    private static StationHost host(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StationHost(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate());
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
