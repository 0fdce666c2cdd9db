package cn.tierup.acceptance;

import cn.tierup.acceptance.internal.RecognitionRepository;
import cn.tierup.acceptance.internal.SummaryQueries;
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
 * 示范 recognitions: a superior records that an organisation in its subtree (never itself) was named a model, and
 * corrects the record; everyone reads those of their own subtree. Each change audited.
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
        var scope = guard.scope(Permission.CAMPAIGN_READ);
        if (organizationId != null) {
            guard.require(Permission.CAMPAIGN_READ, organizationId);
        }
        return queries.recognitions(scope.path(), year, organizationId).stream()
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
        String title = (year == null ? "" : year + "年度") + "先进（示范）党组织命名情况";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxSheetWriter w = new XlsxSheetWriter("示范", title, "共 " + list.size() + " 条",
                List.of("序号", "党组织", "称号", "级别", "命名日期", "命名机关", "文号", "登记单位"),
                new int[] {6, 36, 22, 12, 14, 28, 22, 30})) {
            int n = 0;
            for (RecognitionView v : list) {
                w.row(++n, v.organizationName(), v.title(), v.levelName(), v.recognizedOn(), v.issuedBy(), v.documentNumber(),
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
                r.getVersion(), canCorrect);
    }

    private static Map<String, Object> snapshot(Recognition r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", r.getOrganizationId());
        m.put("title", r.getTitle());
        m.put("level", r.getLevel().name());
        m.put("recognizedOn", r.getRecognizedOn().toString());
        m.put("issuedBy", r.getIssuedBy());
        m.put("documentNumber", r.getDocumentNumber());
        return m;
    }
}
