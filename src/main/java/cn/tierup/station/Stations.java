package cn.tierup.station;

import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.station.StationSession.Particulars;
import cn.tierup.station.internal.StationQueries;
import cn.tierup.station.internal.StationQueries.Place;
import cn.tierup.station.internal.StationQueries.Row;
import cn.tierup.station.internal.StationQueries.SessionRow;
import cn.tierup.station.internal.StationRepository;
import cn.tierup.station.internal.StationSessionRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 远程教育站点 registry and its 学习活动: a station is registered, corrected and retired by those who may write its
 * host's facts (the host and the organisations above it), and read by those who may read the host; each change is
 * audited against the host. The rules of a record are {@link Station}'s and {@link StationSession}'s.
 */
@Service
public class Stations {

    private final StationRepository stations;
    private final StationSessionRepository sessions;
    private final StationQueries queries;
    private final ScopeGuard guard;
    private final AuditRecorder audit;

    Stations(StationRepository stations, StationSessionRepository sessions, StationQueries queries, ScopeGuard guard,
             AuditRecorder audit) {
        this.stations = stations;
        this.sessions = sessions;
        this.queries = queries;
        this.guard = guard;
        this.audit = audit;
    }

    /** Which stations a list shows: those on the registry (null), of one status, retired ones, or all. */
    public enum Shown {
        IN_USE, SUSPENDED, RETIRED, ALL
    }

    /** One station as lists, pages and the API show it. */
    public record StationView(long id, long hostOrganizationId, String hostName, String name, String address,
                              TerminalKind terminalKind, String equipment, EquipmentCondition equipmentCondition,
                              String managerName, LocalDate managerTrainedOn, String openingHours, BigDecimal yearlyFunding,
                              String fundingSource, LocalDate openedOn, StationStatus status, LocalDate retiredOn,
                              long version) {

        static StationView of(Row r) {
            return new StationView(r.id(), r.hostId(), r.hostName(), r.name(), r.address(), r.terminalKind(), r.equipment(),
                    r.equipmentCondition(), r.managerName(), r.managerTrainedOn(), r.openingHours(), r.yearlyFunding(),
                    r.fundingSource(), r.openedOn(), r.status(), r.retiredOn(), r.version());
        }

        public boolean retired() {
            return retiredOn != null;
        }

        public StationDetails details() {
            return new StationDetails(name, address, terminalKind, equipment, equipmentCondition, managerName,
                    managerTrainedOn, openingHours, yearlyFunding, fundingSource, openedOn, status);
        }
    }

    /** One learning session as lists and the API show it. */
    public record SessionView(long id, long stationId, LocalDate heldOn, String topic, SessionKind kind, int partyMembers,
                              int publicAttendees, long version) {

        static SessionView of(SessionRow r) {
            return new SessionView(r.id(), r.stationId(), r.heldOn(), r.topic(), r.kind(), r.partyMembers(),
                    r.publicAttendees(), r.version());
        }

        public int attendance() {
            return partyMembers + publicAttendees;
        }
    }

    /** An organisation that may host a station: itself or one under it, not retired. */
    public record Host(long id, String name, String path) {
    }

    // ------------------------------------------------------------------ registry

    /** The stations hosted in the subtree of {@code organizationId}, in pinyin order, as the filters ask. */
    @Transactional(readOnly = true)
    public List<StationView> list(long organizationId, Shown shown, TerminalKind kind) {
        OrgRef root = guard.require(Permission.ORG_READ, organizationId);
        Boolean retired = shown == Shown.ALL ? null : shown == Shown.RETIRED;
        StationStatus status = shown == Shown.IN_USE ? StationStatus.IN_USE
                : shown == Shown.SUSPENDED ? StationStatus.SUSPENDED : null;
        return queries.stations(root.path(), retired, status, kind).stream().map(StationView::of).toList();
    }

    @Transactional(readOnly = true)
    public StationView get(long id) {
        StationView v = queries.one(id).map(StationView::of).orElseThrow(() -> new NotFoundException("station", id));
        guard.require(Permission.ORG_READ, v.hostOrganizationId());
        return v;
    }

    /** A station by name with its host, as another module's pages head what they keep for it. */
    public record Named(long id, String name, long hostOrganizationId, String hostName) {
    }

    /**
     * The station's name and host, for a module that keeps records of a station under its host (a 争创目标, a ledger)
     * and decides over the host who may see them: nothing is checked here, the caller checks access over the host
     * before it shows anything.
     */
    @Transactional(readOnly = true)
    public Named named(long id) {
        return queries.one(id).map(r -> new Named(r.id(), r.name(), r.hostId(), r.hostName()))
                .orElseThrow(() -> new NotFoundException("station", id));
    }

    /** May the user keep this host's stations (register, correct, retire, record sessions)? */
    public boolean canKeep(long hostId) {
        return guard.can(Permission.ORG_WRITE, hostId);
    }

    /** The organisations under (and including) one that may host a station, in the tree's order. */
    @Transactional(readOnly = true)
    public List<Host> hosts(long organizationId) {
        OrgRef root = guard.require(Permission.ORG_WRITE, organizationId);
        return queries.subtree(root.path()).stream().map(p -> new Host(p.id(), p.name(), p.path())).toList();
    }

    @Transactional
    public StationView register(Long hostId, StationDetails details) {
        OrgRef host = host(hostId);
        Station s = new Station(host.id(), details, Actors.current(), LocalDateTime.now());
        stations.saveAndFlush(s);
        StationView v = view(s.getId());
        audit.record("Station", s.getId(), host.id(), "CREATE", "登记远程教育站点：" + host.name() + " " + s.getName(), null, v);
        return v;
    }

    @Transactional
    public StationView correct(long id, StationDetails details, Long version) {
        Station s = kept(id);
        StationView before = view(id);
        s.correct(details, version == null ? -1 : version, Actors.current(), LocalDateTime.now());
        stations.saveAndFlush(s);
        StationView after = view(id);
        audit.record("Station", id, s.getHostOrganizationId(), "UPDATE", "更正远程教育站点：" + after.hostName() + " "
                + s.getName(), before, after);
        return after;
    }

    @Transactional
    public StationView retire(long id, LocalDate on, Long version) {
        Station s = kept(id);
        StationView before = view(id);
        s.retire(on, version == null ? -1 : version, Actors.current(), LocalDateTime.now());
        stations.saveAndFlush(s);
        StationView after = view(id);
        audit.record("Station", id, s.getHostOrganizationId(), "RETIRE", "撤销远程教育站点：" + after.hostName() + " "
                + s.getName() + "（" + on + "）", before, after);
        return after;
    }

    /**
     * The host was retired: its stations leave the registry the same day (or the day one opened, if it opened later,
     * since a station cannot be retired before it opened). Run by the system, audited against the host.
     */
    @Transactional
    public void retireHostedBy(long hostId, LocalDate on) {
        for (long id : queries.onRegistryOf(hostId)) {
            Station s = stations.findById(id).orElseThrow();
            StationView before = view(id);
            LocalDate day = on.isBefore(s.getOpenedOn()) ? s.getOpenedOn() : on;
            LocalDateTime now = LocalDateTime.now();
            s.retire(day.isAfter(now.toLocalDate()) ? now.toLocalDate() : day, s.getVersion(), Actors.SYSTEM, now);
            stations.saveAndFlush(s);
            StationView after = view(id);
            audit.record("Station", id, hostId, "RETIRE", "依托单位撤销，远程教育站点随之撤销：" + after.hostName() + " "
                    + s.getName() + "（" + after.retiredOn() + "）", before, after);
        }
    }

    // ------------------------------------------------------------------ sessions

    /** The sessions of a station, the latest first, of one year if asked. */
    @Transactional(readOnly = true)
    public List<SessionView> sessions(long stationId, Integer year) {
        get(stationId);
        if (year != null) {
            checkYear(year);
        }
        return queries.sessions(stationId, year).stream().map(SessionView::of).toList();
    }

    @Transactional(readOnly = true)
    public SessionView session(long stationId, long sessionId) {
        get(stationId);
        StationSession x = sessionOf(stationId, sessionId);
        return SessionView.of(new SessionRow(x.getId(), x.getStationId(), x.getHeldOn(), x.getTopic(), x.getKind(),
                x.getPartyMembers(), x.getPublicAttendees(), x.getVersion()));
    }

    @Transactional
    public SessionView record(long stationId, Particulars particulars) {
        Station s = kept(stationId);
        StationSession x = new StationSession(s, particulars, Actors.current(), LocalDateTime.now());
        sessions.saveAndFlush(x);
        SessionView v = session(stationId, x.getId());
        audit.record("StationSession", x.getId(), s.getHostOrganizationId(), "CREATE", "记录学习活动：" + s.getName() + " "
                + x.getHeldOn() + " " + x.getTopic(), null, v);
        return v;
    }

    @Transactional
    public SessionView correct(long stationId, long sessionId, Particulars particulars, Long version) {
        Station s = open(kept(stationId));
        StationSession x = sessionOf(stationId, sessionId);
        SessionView before = session(stationId, sessionId);
        x.correct(s, particulars, version == null ? -1 : version, Actors.current(), LocalDateTime.now());
        sessions.saveAndFlush(x);
        SessionView after = session(stationId, sessionId);
        audit.record("StationSession", sessionId, s.getHostOrganizationId(), "UPDATE", "更正学习活动：" + s.getName() + " "
                + x.getHeldOn() + " " + x.getTopic(), before, after);
        return after;
    }

    @Transactional
    public void delete(long stationId, long sessionId, Long version) {
        Station s = open(kept(stationId));
        StationSession x = sessionOf(stationId, sessionId);
        if (version == null || version != x.getVersion()) {
            throw new StaleRecordException();
        }
        SessionView before = session(stationId, sessionId);
        sessions.delete(x);
        sessions.flush();
        audit.record("StationSession", sessionId, s.getHostOrganizationId(), "DELETE", "删除学习活动：" + s.getName() + " "
                + before.heldOn() + " " + before.topic(), before, null);
    }

    // ------------------------------------------------------------------ helpers

    /** The earliest and latest year a figure or list may be asked for: beyond them the year is a typing error. */
    static final int FIRST_YEAR = 1949;
    static final int LAST_YEAR = 2999;

    /** Refuses a year no station can have sessions in (rather than asking the database about year 2147483647). */
    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new DomainException("station.year.range", FIRST_YEAR, LAST_YEAR);
        }
    }

    /** The host a station is registered for: named, in the user's scope to write, not retired. */
    private OrgRef host(Long hostId) {
        if (hostId == null) {
            throw new DomainException("station.host");
        }
        OrgRef host = guard.require(Permission.ORG_WRITE, hostId);
        if (host.retired()) {
            throw new DomainException("station.host.retired", host.name());
        }
        return host;
    }

    /** A station the user may keep: read access first (so what is outside the scope is not found), then write. */
    private Station kept(long id) {
        Station s = stations.findById(id).orElseThrow(() -> new NotFoundException("station", id));
        guard.require(Permission.ORG_READ, s.getHostOrganizationId());
        guard.require(Permission.ORG_WRITE, s.getHostOrganizationId());
        return s;
    }

    private static Station open(Station s) {
        if (s.retired()) {
            throw new DomainException("station.retired");
        }
        return s;
    }

    private StationSession sessionOf(long stationId, long sessionId) {
        return sessions.findById(sessionId).filter(x -> x.getStationId() == stationId)
                .orElseThrow(() -> new NotFoundException("stationSession", sessionId));
    }

    private StationView view(long id) {
        return queries.one(id).map(StationView::of).orElseThrow(() -> new NotFoundException("station", id));
    }

    /** The organisation a figure or list is for, read once. */
    Place place(long organizationId) {
        return queries.place(organizationId).orElseThrow(() -> new NotFoundException("organization", organizationId));
    }
}
