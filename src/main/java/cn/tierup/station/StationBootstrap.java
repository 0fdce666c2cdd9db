package cn.tierup.station;

import cn.tierup.station.StationSession.Particulars;
import cn.tierup.station.internal.SessionBatch;
import cn.tierup.station.internal.StationRepository;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stations and their sessions for the demo data set, held to the same rules as a user's ({@link Station},
 * {@link StationSession}). Not reachable from a request: it acts for no user, so it records who it acts as; the
 * sessions go in one batch, since a demo city has thousands of them.
 */
@Service
public class StationBootstrap {

    private final StationRepository stations;
    private final SessionBatch batch;

    StationBootstrap(StationRepository stations, SessionBatch batch) {
        this.stations = stations;
        this.batch = batch;
    }

    /** A station registered by {@code by} on the day it opened, with the sessions held at it since; answers its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long registered(long hostId, StationDetails details, List<Particulars> held, String by) {
        LocalDateTime now = LocalDateTime.now();
        Station s = stations.saveAndFlush(new Station(hostId, details, by, now));
        List<StationSession> sessions = new ArrayList<>();
        for (Particulars p : held) {
            LocalDateTime at = p.heldOn().atTime(18, 0).isAfter(now) ? now : p.heldOn().atTime(18, 0);
            sessions.add(new StationSession(s, p, by, at));
        }
        batch.insert(sessions);
        return s.getId();
    }
}
