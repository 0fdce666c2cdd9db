package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.RecognitionRepository;
import cn.tierup.acceptance.internal.SummaryQueries;
import cn.tierup.acceptance.internal.SummaryQueries.StationRef;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.People;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.shared.xlsx.Workbook;
import cn.tierup.shared.xlsx.XlsxSheetWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 示范 recognitions: a superior records that an organisation in its subtree (never itself) was named a model, or that
 * a station hosted there (never by the host) was named a 示范站点, and corrects the record; everyone reads those of
 * their own subtree. Each change audited. The stations are read through the station module's published views, so
 * their 示范 stays one record with one rule, here.
 */
@Service
public class Recognitions {

    private final RecognitionRepository recognitions;
    private final SummaryQueries queries;
    private final ScopeGuard guard;
    private final OrganizationDirectory directory;
    private final AuditRecorder audit;
    private final People people;
    private final Messages messages;

    Recognitions(RecognitionRepository recognitions, SummaryQueries queries, ScopeGuard guard, OrganizationDirectory directory,
                 AuditRecorder audit, People people, Messages messages) {
        this.recognitions = recognitions;
        this.queries = queries;
        this.guard = guard;
        this.directory = directory;
        this.audit = audit;
        this.people = people;
        this.messages = messages;
    }

    /** Recognitions of organisations in the user's subtree, latest first; of one year or organisation when given. */
    @Transactional(readOnly = true)
    public List<RecognitionView> list(Integer year, Long organizationId) {
        return list(year, organizationId, null);
    }

    /** As {@link #list(Integer, Long)}, and of one station (示范站点) when given. */
    @Transactional(readOnly = true)
    public List<RecognitionView> list(Integer year, Long organizationId, Long stationId) {
        var scope = guard.scope(Permission.CAMPAIGN_READ);
        if (organizationId != null) {
            guard.require(Permission.CAMPAIGN_READ, organizationId);
        }
        if (stationId != null) {
            guard.require(Permission.CAMPAIGN_READ, station(stationId).hostId());
        }
        return queries.recognitions(scope.path(), year, organizationId, stationId).stream()
                .map(id -> view(recognitions.findById(id).orElseThrow())).toList();
    }

    @Transactional(readOnly = true)
    public RecognitionView get(long id) {
        Recognition r = load(id);
        guard.require(Permission.CAMPAIGN_READ, r.getOrganizationId());
        return view(r);
    }

    @Transactional
    public RecognitionView record(RecognitionDetails details) {
        if (details.stationId() != null) {
            return recordStation(details);
        }
        if (details.organizationId() == null) {
            throw new DomainException("acceptance.recognition.org.required");
        }
        OrgRef org = guard.requireBelow(Permission.GRADING_DECIDE, details.organizationId());
        if (org.retired()) {
            throw new DomainException("acceptance.recognition.org.retired");
        }
        Recognition r = new Recognition(org.id(), guard.currentUser().organizationId(), details, Actors.current(),
                LocalDateTime.now());
        recognitions.saveAndFlush(r);
        audit.record("Recognition", r.getId(), org.id(), "CREATE", "登记示范：" + org.name() + " " + r.getTitle()
                + "（" + r.getIssuedBy() + " " + r.getDocumentNumber() + "）", null, snapshot(r));
        return view(r);
    }

    /**
     * A station named a 示范站点: recorded like an organisation's 示范, by a superior of its host (never the host itself,
     * as no one records their own honour), for a station still in use.
     */
    private RecognitionView recordStation(RecognitionDetails details) {
        StationRef station = station(details.stationId());
        if (details.organizationId() != null && details.organizationId() != station.hostId()) {
            throw new DomainException("acceptance.recognition.station.host", station.name(), station.hostName());
        }
        OrgRef host = guard.requireBelow(Permission.GRADING_DECIDE, station.hostId());
        if (station.retiredBy(LocalDateTime.now().toLocalDate())) {
            throw new DomainException("acceptance.recognition.station.retired", station.name());
        }
        Recognition r = new Recognition(host.id(), station.id(), guard.currentUser().organizationId(), details,
                Actors.current(), LocalDateTime.now());
        recognitions.saveAndFlush(r);
        audit.record("Recognition", r.getId(), host.id(), "CREATE", "登记示范站点：" + station.name() + "（" + host.name() + "）"
                + r.getTitle() + "（" + r.getIssuedBy() + " " + r.getDocumentNumber() + "）", null, snapshot(r));
        return view(r);
    }

    /** A station as the recording form names it — "站点（承办：党组织）" — and whether the user may record it a 示范站点. */
    public record StationChoice(long stationId, String label, boolean mayRecord) {
    }

    /** The station for a user whose scope holds its host. */
    @Transactional(readOnly = true)
    public StationChoice choice(long stationId) {
        StationRef s = station(stationId);
        guard.require(Permission.CAMPAIGN_READ, s.hostId());
        return new StationChoice(s.id(), s.name() + "（承办：" + s.hostName() + "）",
                guard.can(Permission.GRADING_DECIDE, s.hostId()) && guard.currentUser().organizationId() != s.hostId());
    }

    private StationRef station(long stationId) {
        return queries.station(stationId).orElseThrow(() -> new NotFoundException("station", stationId));
    }

    /** Corrects a record (the organisation stays); a correction based on an older version is refused. */
    @Transactional
    public RecognitionView correct(long id, RecognitionDetails details) {
        Recognition r = load(id);
        OrgRef org = guard.requireBelow(Permission.GRADING_DECIDE, r.getOrganizationId());
        if (details.version() == null || details.version() != r.getVersion()) {
            throw new StaleRecordException();
        }
        if (details.organizationId() != null && details.organizationId() != r.getOrganizationId().longValue()) {
            throw new DomainException("acceptance.recognition.org.fixed");
        }
        if (details.stationId() != null && !details.stationId().equals(r.getStationId())) {
            throw new DomainException("acceptance.recognition.station.fixed");
        }
        Map<String, Object> before = snapshot(r);
        r.correct(details, Actors.current(), LocalDateTime.now());
        recognitions.saveAndFlush(r);
        audit.record("Recognition", id, org.id(), "UPDATE", "更正示范记录：" + org.name() + " " + r.getTitle(), before,
                snapshot(r));
        return view(r);
    }

    /** The list as .xlsx, as the page shows it. */
    @Transactional(readOnly = true)
    public Workbook xlsx(Integer year) {
        List<RecognitionView> list = list(year, null);
        String title = (year == null ? "" : year + "年度") + "先进（示范）党组织和示范站点命名情况";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = new XlsxSheetWriter("示范", title, "共 " + list.size() + " 条",
                List.of("序号", "党组织（站点的承办党组织）", "站点", "称号", "级别", "命名日期", "命名机关", "文号", "登记单位"),
                new int[] {6, 36, 28, 22, 12, 14, 28, 22, 30})) {
            int n = 0;
            for (RecognitionView v : list) {
                w.row(++n, v.organizationName(), v.stationName(), v.title(), v.levelName(), v.recognizedOn(), v.issuedBy(), v.documentNumber(),
                        v.recorderName());
            }
            w.finish(out);
        }
        return new Workbook(title + ".xlsx", out.toByteArray());
    }

    private Recognition load(long id) {
        return recognitions.findById(id).orElseThrow(() -> new NotFoundException("recognition", id));
    }

    private RecognitionView view(Recognition r) {
        String org = directory.find(r.getOrganizationId()).map(OrgRef::name).orElse("");
        String recorder = directory.find(r.getRecorderOrganizationId()).map(OrgRef::name).orElse("");
        boolean canCorrect = guard.can(Permission.GRADING_DECIDE, r.getOrganizationId())
                && guard.currentUser().organizationId() != r.getOrganizationId();
        return new RecognitionView(r.getId(), r.getOrganizationId(), org, r.getTitle(), r.getLevel(), messages.label(r.getLevel()),
                r.getRecognizedOn(), r.getIssuedBy(), r.getDocumentNumber(), r.getRecorderOrganizationId(), recorder,
                people.name(r.getRecordedBy()), r.getRecordedAt(), people.name(r.getUpdatedBy()), r.getUpdatedAt(),
                r.getVersion(), canCorrect, r.getStationId(),
                r.getStationId() == null ? null : queries.station(r.getStationId()).map(StationRef::name).orElse(""));
    }

    private static Map<String, Object> snapshot(Recognition r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", r.getOrganizationId());
        if (r.getStationId() != null) {
            m.put("stationId", r.getStationId());
        }
        m.put("title", r.getTitle());
        m.put("level", r.getLevel().name());
        m.put("recognizedOn", r.getRecognizedOn().toString());
        m.put("issuedBy", r.getIssuedBy());
        m.put("documentNumber", r.getDocumentNumber());
        return m;
    }
}
