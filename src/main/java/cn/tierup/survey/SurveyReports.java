package cn.tierup.survey;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.organization.OrganizationView;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.survey.ReportView.AttachmentView;
import cn.tierup.survey.ReportView.VersionView;
import cn.tierup.shared.files.AttachmentStore;
import cn.tierup.shared.files.FileTypePolicy;
import cn.tierup.survey.ReportView.StationEntryView;
import cn.tierup.survey.internal.AttachmentQueries;
import cn.tierup.survey.internal.HostedStations;
import cn.tierup.survey.internal.ReportVersionRepository;
import cn.tierup.survey.internal.SurveyReportRepository;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the 自查报告 / 专题调研报告: write, attach, hand in, accept or return; each audited. */
@Service
public class SurveyReports {

    private final SurveyReportRepository reports;
    private final ReportVersionRepository versions;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final AttachmentStore store;
    private final AttachmentQueries files;
    private final PhaseWindows phaseWindows;
    private final HostedStations hostedStations;

    SurveyReports(SurveyReportRepository reports, ReportVersionRepository versions, CampaignService campaigns,
                  OrganizationService organizations, ScopeGuard guard, AuditRecorder audit, AttachmentStore store,
                  AttachmentQueries files, PhaseWindows phaseWindows, HostedStations hostedStations) {
        this.reports = reports;
        this.versions = versions;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.guard = guard;
        this.audit = audit;
        this.store = store;
        this.files = files;
        this.phaseWindows = phaseWindows;
        this.hostedStations = hostedStations;
    }

    /** The report the organisation owes in this campaign, as far as it has got. */
    @Transactional(readOnly = true)
    public ReportView owed(long campaignId, long organizationId) {
        guard.require(Permission.CAMPAIGN_READ, organizationId);
        CampaignView c = campaigns.get(campaignId);
        OrganizationView org = organizations.get(organizationId);
        ReportType type = duty(c, org);
        SurveyReport r = reports.findByCampaignIdAndOrganizationIdAndType(campaignId, organizationId, type).orElse(null);
        return view(c, org, type, r);
    }

    @Transactional(readOnly = true)
    public ReportView get(long reportId) {
        SurveyReport r = load(reportId);
        guard.require(Permission.CAMPAIGN_READ, r.getOrganizationId());
        return view(campaigns.get(r.getCampaignId()), organizations.get(r.getOrganizationId()), r.getType(), r);
    }

    /** Saves the draft; a save based on an older version than the stored one is refused. */
    @Transactional
    public ReportView save(long campaignId, long organizationId, ReportContent content) {
        SurveyReport r = writable(campaignId, organizationId, content.version());
        Map<String, Object> before = r.getId() == null ? null : snapshot(r);
        r.write(content, hostedStations.of(organizationId), Actors.current(), LocalDateTime.now());
        reports.saveAndFlush(r);
        audit.record("SurveyReport", r.getId(), organizationId, before == null ? "CREATE" : "UPDATE",
                "保存" + typeName(r.getType()) + "草稿", before, snapshot(r));
        return get(r.getId());
    }

    /** Saves and hands the report in to the superior in one step. */
    @Transactional
    public ReportView submit(long campaignId, long organizationId, ReportContent content) {
        SurveyReport r = writable(campaignId, organizationId, content.version());
        Map<String, Object> before = r.getId() == null ? null : snapshot(r);
        LocalDateTime now = LocalDateTime.now();
        List<HostedStation> hosted = hostedStations.of(organizationId);
        r.write(content, hosted, Actors.current(), now);
        reports.saveAndFlush(r);
        CampaignView c = campaigns.get(campaignId);
        long members = organizations.get(organizationId).memberCount();
        ReportVersion v = r.submit(Actors.current(), now, c.phases().get(Phase.SURVEY).dueOn(), members, hosted);
        reports.saveAndFlush(r);
        versions.save(v);
        audit.record("SurveyReport", r.getId(), organizationId, "SUBMIT",
                "提交" + typeName(r.getType()) + "（第 " + v.getNumber() + " 版" + (r.isSubmittedLate() ? "，逾期" : "") + "）",
                before, snapshot(r));
        return get(r.getId());
    }

    @Transactional
    public ReportView accept(long reportId) {
        SurveyReport r = reviewable(reportId);
        Map<String, Object> before = snapshot(r);
        ReportVersion latest = latest(r);
        ReviewPolicy.checkNotOwnHandIn(latest.getSubmittedBy(), Actors.current());
        r.accept(latest, Actors.current(), LocalDateTime.now());
        reports.saveAndFlush(r);
        audit.record("SurveyReport", reportId, r.getOrganizationId(), "ACCEPT", "通过" + typeName(r.getType()), before, snapshot(r));
        return get(reportId);
    }

    @Transactional
    public ReportView returnForRevision(long reportId, String reason) {
        SurveyReport r = reviewable(reportId);
        Map<String, Object> before = snapshot(r);
        r.returnForRevision(latest(r), reason, Actors.current(), LocalDateTime.now());
        reports.saveAndFlush(r);
        audit.record("SurveyReport", reportId, r.getOrganizationId(), "RETURN",
                "退回" + typeName(r.getType()) + "：" + r.getReturnReason(), before, snapshot(r));
        return get(reportId);
    }

    @Transactional
    public AttachmentView attach(long campaignId, long organizationId, String fileName, byte[] bytes) {
        SurveyReport r = writable(campaignId, organizationId, null);
        r.requireEditable();
        String contentType = FileTypePolicy.check(fileName, bytes);
        if (r.getId() == null) {
            reports.saveAndFlush(r);
        }
        String safeName = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (safeName.length() > 200) {
            safeName = safeName.substring(safeName.length() - 200);
        }
        String key = store.put(bytes);
        LocalDateTime now = LocalDateTime.now();
        files.insert(r.getId(), safeName, contentType, bytes.length, key, sha256(bytes), Actors.current(), now);
        audit.record("SurveyReport", r.getId(), organizationId, "ATTACH", "上传附件 " + safeName, null,
                Map.of("file", safeName, "size", bytes.length));
        return attachments(r.getId()).get(0);
    }

    @Transactional
    public void detach(long attachmentId) {
        long reportId = files.reportOf(attachmentId).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        SurveyReport r = load(reportId);
        guard.require(Permission.SURVEY_WRITE, r.getOrganizationId());
        r.requireEditable();
        String name = files.fileName(attachmentId);
        files.delete(attachmentId);
        audit.record("SurveyReport", reportId, r.getOrganizationId(), "DETACH", "删除附件 " + name, Map.of("file", name), null);
    }

    /** The bytes of an attachment, for someone who may see the report. */
    @Transactional(readOnly = true)
    public Download download(long attachmentId) {
        AttachmentQueries.Stored row = files.find(attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        SurveyReport r = load(row.reportId());
        guard.require(Permission.CAMPAIGN_READ, r.getOrganizationId());
        return new Download(row.fileName(), row.contentType(), store.get(row.storageKey()));
    }

    public record Download(String fileName, String contentType, byte[] bytes) {
    }

    private SurveyReport writable(long campaignId, long organizationId, Long expectedVersion) {
        guard.require(Permission.SURVEY_WRITE, organizationId);
        CampaignView c = campaigns.get(campaignId);
        if (!campaigns.takesPart(campaignId, organizationId)) {
            throw new DomainException("campaign.notParticipant");
        }
        phaseWindows.require(c, Phase.SURVEY);
        OrganizationView org = organizations.get(organizationId);
        ReportType type = duty(c, org);
        if (type == null) {
            throw new DomainException("report.noneOwed");
        }
        SurveyReport r = reports.findByCampaignIdAndOrganizationIdAndType(campaignId, organizationId, type)
                .orElseGet(() -> new SurveyReport(campaignId, organizationId, type));
        if (r.getId() != null && expectedVersion != null && expectedVersion != r.getVersion()) {
            throw new StaleRecordException();
        }
        return r;
    }

    private SurveyReport reviewable(long reportId) {
        SurveyReport r = load(reportId);
        guard.require(Permission.SURVEY_REVIEW, r.getOrganizationId());
        OrganizationView org = organizations.get(r.getOrganizationId());
        ReviewPolicy.check(guard.currentUser().organizationId(), org.id(), org.parentId());
        return r;
    }

    private ReportVersion latest(SurveyReport r) {
        return versions.findByReportIdAndNumber(r.getId(), r.getVersionCount())
                .orElseThrow(() -> new DomainException("report.notSubmitted"));
    }

    private SurveyReport load(long id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("report", id));
    }

    static ReportType duty(CampaignView c, OrganizationView org) {
        return ReportDuty.owedBy(org.id() == c.rootOrganizationId(), org.childCount());
    }

    private ReportView view(CampaignView c, OrganizationView org, ReportType type, SurveyReport r) {
        boolean canWrite = type != null && guard.can(Permission.SURVEY_WRITE, org.id())
                && phaseWindows.gate(c, Phase.SURVEY).open()
                && (r == null || r.getStatus() == ReportStatus.DRAFT || r.getStatus() == ReportStatus.RETURNED);
        boolean canReview = r != null && r.getStatus() == ReportStatus.SUBMITTED
                && guard.can(Permission.SURVEY_REVIEW, org.id()) && org.parentId() != null
                && org.parentId() == guard.currentUser().organizationId();
        var due = c.phases().get(Phase.SURVEY).dueOn();
        List<StationEntryView> stations = stationEntries(org.id(), r == null ? List.of() : r.getStations());
        if (r == null) {
            return new ReportView(null, c.id(), c.name(), org.id(), org.name(), org.parentId(), org.parentName(), type,
                    null, null, null, null, null, null, null, org.memberCount(), null, false, null, null, null, 0,
                    null, null, 0, due, canWrite, false, List.of(), List.of(), stations);
        }
        List<VersionView> vs = versions.findByReportIdOrderByNumberDesc(r.getId()).stream()
                .map(v -> new VersionView(v.getNumber(), v.getSubmittedAt(), v.getSubmittedBy(), v.isSubmittedLate(),
                        v.getOutcome(), v.getOutcomeReason(), v.getDecidedBy(), v.getDecidedAt(), v.getBasicSituation(),
                        v.getMainProblems(), v.getCauses(), v.getMeasures(), v.getMeetingOn(), v.getMeetingAttendance(),
                        v.getStations().stream().map(StationEntryView::of).toList()))
                .toList();
        return new ReportView(r.getId(), c.id(), c.name(), org.id(), org.name(), org.parentId(), org.parentName(),
                r.getType(), r.getStatus(), r.getBasicSituation(), r.getMainProblems(), r.getCauses(), r.getMeasures(),
                r.getMeetingOn(), r.getMeetingAttendance(), org.memberCount(), r.getSubmittedAt(), r.isSubmittedLate(),
                r.getReturnReason(), r.getDecidedBy(), r.getDecidedAt(), r.getVersionCount(), r.getUpdatedBy(),
                r.getUpdatedAt(), r.getVersion(), due, canWrite, canReview, attachments(r.getId()), vs, stations);
    }

    /** One entry per station the organisation hosts today, as far as it is written. */
    private List<StationEntryView> stationEntries(long organizationId, List<StationAccount> written) {
        return hostedStations.of(organizationId).stream()
                .map(h -> written.stream().filter(a -> a.getStationId() == h.id()).findFirst()
                        .map(a -> new StationEntryView(h.id(), h.name(), a.getOperation(), a.getStaffing(),
                                a.getResources(), a.getFunding(), a.getAssessment(), a.getEffect(), a.getExtension()))
                        .orElseGet(() -> new StationEntryView(h.id(), h.name(), null, null, null, null, null, null, null)))
                .toList();
    }

    private List<AttachmentView> attachments(long reportId) {
        return files.ofReport(reportId);
    }

    private static String typeName(ReportType t) {
        return t == ReportType.RESEARCH ? "专题调研报告" : "自查报告";
    }

    private static Map<String, Object> snapshot(SurveyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.getStatus());
        m.put("basicSituation", r.getBasicSituation());
        m.put("mainProblems", r.getMainProblems());
        m.put("causes", r.getCauses());
        m.put("measures", r.getMeasures());
        m.put("meetingOn", r.getMeetingOn());
        m.put("meetingAttendance", r.getMeetingAttendance());
        m.put("returnReason", r.getReturnReason());
        m.put("versionCount", r.getVersionCount());
        m.put("stations", r.getStations().stream().map(StationAccount::snapshot).toList());
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
