package cn.tierup.upgrade;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeRegister;
import cn.tierup.station.Stations;
import cn.tierup.upgrade.internal.DecidedStationGrades;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Resolves a {@link Subject} once per use case: the organisation that owns the goal and ledger (a station's host) and,
 * for a station, its name; and answers the grade the goal follows — the organisation's from grading's register, the
 * station's from upgrade's own copy of the station module's decisions.
 */
@Component
class Subjects {

    private final Stations stations;
    private final GradeRegister register;
    private final DecidedStationGrades stationGrades;

    Subjects(Stations stations, GradeRegister register, DecidedStationGrades stationGrades) {
        this.stations = stations;
        this.register = register;
        this.stationGrades = stationGrades;
    }

    /** The owner of a goal or ledger: {@code organizationId} (the host, for a station), the station if it is one. */
    record Owner(long organizationId, Long stationId, String stationName) {

        /** How an audit summary names the subject when it is a station ("" for the organisation's own). */
        String prefix() {
            return stationId == null ? "" : "站点“" + stationName + "”";
        }
    }

    /** A decided grade and its class. */
    record Graded(String grade, Grade level) {
    }

    Owner resolve(Subject s) {
        if (s.stationId() == null) {
            return new Owner(s.organizationId(), null, null);
        }
        Stations.Named n = stations.named(s.stationId());
        return new Owner(n.hostOrganizationId(), n.id(), n.name());
    }

    /** The owner of a record kept for {@code organizationId} and, if not null, the station {@code stationId}. */
    Owner of(long organizationId, Long stationId) {
        return stationId == null ? new Owner(organizationId, null, null)
                : new Owner(organizationId, stationId, stations.named(stationId).name());
    }

    /** The grade decided in the campaign for the organisation or the station (callers have checked access). */
    Optional<Graded> decided(long campaignId, Owner o) {
        if (o.stationId() == null) {
            return register.decided(campaignId, o.organizationId()).map(d -> new Graded(d.grade(), d.level()));
        }
        // decided for this host: a grade decided while another organisation hosted the station is not the host's work
        return stationGrades.of(campaignId, o.stationId()).filter(d -> d.hostOrganizationId() == o.organizationId())
                .map(d -> new Graded(d.grade(), d.level()));
    }
}
