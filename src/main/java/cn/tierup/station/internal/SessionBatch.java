package cn.tierup.station.internal;

import cn.tierup.station.StationSession;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Many learning sessions written at once (the demo's two years of them): one batched statement instead of a round trip
 * per row, for sessions already checked by {@link StationSession}'s rules.
 */
@Component
public class SessionBatch {

    private final JdbcTemplate jdbc;

    SessionBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<StationSession> sessions) {
        jdbc.batchUpdate("insert into station_session (station_id, held_on, topic, kind, party_members, public_attendees,"
                        + " created_by, created_at, updated_by, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                sessions, 500, (ps, x) -> {
                    Timestamp at = Timestamp.valueOf(x.getCreatedAt());
                    ps.setLong(1, x.getStationId());
                    ps.setDate(2, Date.valueOf(x.getHeldOn()));
                    ps.setString(3, x.getTopic());
                    ps.setString(4, x.getKind().name());
                    ps.setInt(5, x.getPartyMembers());
                    ps.setInt(6, x.getPublicAttendees());
                    ps.setString(7, x.getCreatedBy());
                    ps.setTimestamp(8, at);
                    ps.setString(9, x.getCreatedBy());
                    ps.setTimestamp(10, at);
                });
    }
}
