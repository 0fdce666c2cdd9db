package cn.tierup.station.internal;

import cn.tierup.station.EquipmentCondition;
import cn.tierup.station.SessionKind;
import cn.tierup.station.StationStatus;
import cn.tierup.station.TerminalKind;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the station lists and figures read: the stations and their sessions, with the host's name and path through the
 * organization module's published tree view (never its tables).
 */
@Component
public class StationQueries {

    private final JdbcClient jdbc;

    StationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation as the tree view has it. */
    public record Place(long id, String name, String path, Long parentId, boolean retired, String sortKey) {
    }

    /** One station of a list, with its host. */
    public record Row(long id, long hostId, String hostName, String hostPath, String name, String address,
                      TerminalKind terminalKind, String equipment, EquipmentCondition equipmentCondition,
                      String managerName, LocalDate managerTrainedOn, String openingHours, java.math.BigDecimal yearlyFunding,
                      String fundingSource, LocalDate openedOn, StationStatus status, LocalDate retiredOn, long version) {
    }

    /** One learning session as a list shows it. */
    public record SessionRow(long id, long stationId, LocalDate heldOn, String topic, SessionKind kind, int partyMembers,
                             int publicAttendees, long version) {
    }

    /** Sessions and attendance of the stations of one host in one month. */
    public record Tally(long hostId, String hostPath, int month, long sessions, long partyMembers, long publicAttendees) {
    }

    /** Stations of one host on the registry during a year. */
    public record Count(long hostId, String hostPath, long stations) {
    }

    private static final String SELECT = "select s.id, s.host_organization_id, o.name as host_name, o.path as host_path,"
            + " s.name, s.address, s.terminal_kind, s.equipment, s.equipment_condition, s.manager_name, s.manager_trained_on,"
            + " s.opening_hours, s.yearly_funding, s.funding_source, s.opened_on, s.status, s.retired_on, s.version"
            + " from station s join org_tree_view o on o.id = s.host_organization_id";

    public Optional<Place> place(long organizationId) {
        return jdbc.sql("select id, name, path, parent_id, retired, sort_key from org_tree_view where id = :id")
                .param("id", organizationId).query(StationQueries::place).optional();
    }

    /** The organisations of a subtree not retired, the top one first, in the tree's order: hosts a station may have. */
    public List<Place> subtree(String path) {
        return jdbc.sql("select id, name, path, parent_id, retired, sort_key from org_tree_view where path like :p"
                        + " and retired = false order by sort_key, path").param("p", path + "%")
                .query(StationQueries::place).list();
    }

    /** The organisations directly under one, in the tree's order (retired ones too: their stations still count). */
    public List<Place> children(long organizationId) {
        return jdbc.sql("select id, name, path, parent_id, retired, sort_key from org_tree_view where parent_id = :p"
                        + " order by sort_key, path").param("p", organizationId).query(StationQueries::place).list();
    }

    /** Organisations not retired with this exact name (an import row names its host by its full name). */
    public List<Place> named(String name) {
        return jdbc.sql("select id, name, path, parent_id, retired, sort_key from org_tree_view where name = :n"
                        + " and retired = false order by path").param("n", name).query(StationQueries::place).list();
    }

    /**
     * The stations hosted in a subtree, in pinyin order of their names: those on the registry (not retired) unless
     * {@code retired} says otherwise (true: only retired ones; null: all), of one status and one terminal kind if asked.
     */
    public List<Row> stations(String path, Boolean retired, StationStatus status, TerminalKind kind) {
        Map<String, Object> p = new HashMap<>();
        p.put("p", path + "%");
        StringBuilder sql = new StringBuilder(SELECT).append(" where o.path like :p");
        if (retired != null) {
            sql.append(retired ? " and s.retired_on is not null" : " and s.retired_on is null");
        }
        if (status != null) {
            sql.append(" and s.status = :st");
            p.put("st", status.name());
        }
        if (kind != null) {
            sql.append(" and s.terminal_kind = :k");
            p.put("k", kind.name());
        }
        sql.append(" order by s.name_key, o.sort_key, s.id");
        return jdbc.sql(sql.toString()).params(p).query(StationQueries::row).list();
    }

    public Optional<Row> one(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(StationQueries::row).optional();
    }

    /** The stations a host keeps on its registry (not retired), for the retirement of the host. */
    public List<Long> onRegistryOf(long hostId) {
        return jdbc.sql("select id from station where host_organization_id = :h and retired_on is null order by id")
                .param("h", hostId).query(Long.class).list();
    }

    /** The sessions of a station, the latest first; of one year if asked. */
    public List<SessionRow> sessions(long stationId, Integer year) {
        Map<String, Object> p = new HashMap<>();
        p.put("s", stationId);
        String sql = "select id, station_id, held_on, topic, kind, party_members, public_attendees, version"
                + " from station_session where station_id = :s";
        if (year != null) {
            sql += " and held_on between :from and :to";
            p.put("from", Date.valueOf(LocalDate.of(year, 1, 1)));
            p.put("to", Date.valueOf(LocalDate.of(year, 12, 31)));
        }
        return jdbc.sql(sql + " order by held_on desc, id desc").params(p).query((rs, n) -> new SessionRow(rs.getLong(1),
                rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4), SessionKind.valueOf(rs.getString(5)),
                rs.getInt(6), rs.getInt(7), rs.getLong(8))).list();
    }

    /** Sessions and attendance of a year per host and month, over the hosts of a subtree. */
    public List<Tally> tallies(String path, int year) {
        return jdbc.sql("select s.host_organization_id, o.path, extract(month from x.held_on) as m, count(*),"
                        + " sum(x.party_members), sum(x.public_attendees) from station_session x"
                        + " join station s on s.id = x.station_id join org_tree_view o on o.id = s.host_organization_id"
                        + " where o.path like :p and x.held_on between :from and :to"
                        + " group by s.host_organization_id, o.path, extract(month from x.held_on)")
                .param("p", path + "%").param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Tally(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6))).list();
    }

    /** Stations per host of a subtree on the registry at some time of a year: opened by its end, not retired before it. */
    public List<Count> counts(String path, int year) {
        return jdbc.sql("select s.host_organization_id, o.path, count(*) from station s"
                        + " join org_tree_view o on o.id = s.host_organization_id where o.path like :p"
                        + " and s.opened_on <= :to and (s.retired_on is null or s.retired_on >= :from)"
                        + " group by s.host_organization_id, o.path")
                .param("p", path + "%").param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Count(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    private static Place place(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new Place(rs.getLong("id"), rs.getString("name"), rs.getString("path"), rs.wasNull() ? null : parent,
                rs.getBoolean("retired"), rs.getString("sort_key"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Date trained = rs.getDate("manager_trained_on");
        Date retired = rs.getDate("retired_on");
        return new Row(rs.getLong("id"), rs.getLong("host_organization_id"), rs.getString("host_name"),
                rs.getString("host_path"), rs.getString("name"), rs.getString("address"),
                TerminalKind.valueOf(rs.getString("terminal_kind")), rs.getString("equipment"),
                EquipmentCondition.valueOf(rs.getString("equipment_condition")), rs.getString("manager_name"),
                trained == null ? null : trained.toLocalDate(), rs.getString("opening_hours"),
                rs.getBigDecimal("yearly_funding"), rs.getString("funding_source"), rs.getDate("opened_on").toLocalDate(),
                StationStatus.valueOf(rs.getString("status")), retired == null ? null : retired.toLocalDate(),
                rs.getLong("version"));
    }
}
