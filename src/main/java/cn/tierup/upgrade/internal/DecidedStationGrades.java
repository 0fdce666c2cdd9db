package cn.tierup.upgrade.internal;

import cn.tierup.grading.Grade;
import cn.tierup.station.StationGradeDecided;
import cn.tierup.station.StationGradeReopened;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Upgrade's own copy of the 远程教育站点 grades decided in each campaign, kept from the station module's events: a
 * station graded 一般 or 后进 gets a goal and a ledger under its host, its aim following the grade.
 *
 * <p>Kept as {@link DecidedGrades} keeps the organisations' grades, and for the same reason: after the deciding
 * transaction commits, in its own transaction, in the request's thread — the host's next page must already show the
 * goal it owes — with the event publication registry delivering again whatever a failure or a crash cut off.
 */
@Component
public class DecidedStationGrades {

    private final JdbcClient jdbc;

    DecidedStationGrades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A station's decided grade in a campaign, with the host it was decided for. */
    public record Decided(String grade, Grade level, long hostOrganizationId) {
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(StationGradeDecided e) {
        forget(e.campaignId(), e.stationId());
        jdbc.sql("insert into upgrade_station_grade (campaign_id, station_id, host_organization_id, grade, level)"
                        + " values (:c, :s, :h, :g, :l)")
                .param("c", e.campaignId()).param("s", e.stationId()).param("h", e.hostOrganizationId())
                .param("g", e.grade()).param("l", e.level().name())
                .update();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(StationGradeReopened e) {
        forget(e.campaignId(), e.stationId());
    }

    private void forget(long campaignId, long stationId) {
        jdbc.sql("delete from upgrade_station_grade where campaign_id = :c and station_id = :s")
                .param("c", campaignId).param("s", stationId).update();
    }

    /** The grade decided for a station in the campaign, if one is decided (and not reopened since). */
    public Optional<Decided> of(long campaignId, long stationId) {
        return jdbc.sql("select grade, level, host_organization_id from upgrade_station_grade where campaign_id = :c"
                        + " and station_id = :s")
                .param("c", campaignId).param("s", stationId)
                .query((rs, n) -> new Decided(rs.getString(1), Grade.valueOf(rs.getString(2)), rs.getLong(3))).optional();
    }
}
