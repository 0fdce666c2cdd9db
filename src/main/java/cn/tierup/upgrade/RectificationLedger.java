package cn.tierup.upgrade;

import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Authorities;
import cn.tierup.identity.Acting;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.StaleRecordException;
import cn.tierup.shared.files.AttachmentStore;
import cn.tierup.shared.files.FileTypePolicy;
import cn.tierup.upgrade.internal.ItemRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 整改台账 of an organisation: its lines are put in and progressed by the organisation (or a
 * superior on its behalf) and closed or sent back by its authority, on evidence. A station's ledger
 * ({@link Subject#station}) is kept by its host the same way: a line is always acted on over its organisation.
 */
@Service
public class RectificationLedger {

    private final ItemRepository items;
    private final Subjects subjects;
    private final Authorities authorities;
    private final Participation participation;
    private final ScopeGuard guard;
    private final AuditRecorder audit;
    private final AttachmentStore store;

    RectificationLedger(ItemRepository items, Subjects subjects, Authorities authorities, Participation participation,
                        ScopeGuard guard, AuditRecorder audit, AttachmentStore store) {
        this.items = items;
        this.subjects = subjects;
        this.authorities = authorities;
        this.participation = participation;
        this.guard = guard;
        this.audit = audit;
        this.store = store;
    }

    public record ItemForm(String problem, String measure, String responsible, LocalDate deadline, Long version) {
    }

    @Transactional(readOnly = true)
    public LedgerView get(long campaignId, long organizationId) {
        return get(campaignId, Subject.organization(organizationId));
    }

    /** The ledger of an organisation or of a station it hosts, as the user may see it. */
    @Transactional(readOnly = true)
    public LedgerView get(long campaignId, Subject subject) {
        Subjects.Owner o = subjects.resolve(subject);
        long organizationId = o.organizationId();
        Acting acting = guard.acting(organizationId);
        boolean authority = authorities.mayActFor(organizationId);
        acting.requireOr(Permission.CAMPAIGN_READ, authority);
        CampaignView c = participation.require(campaignId, organizationId);
        List<RectificationItem> list = items.ledgerOf(campaignId, organizationId, o.stationId());
        LocalDate today = LocalDate.now();
        long open = list.stream().filter(i -> i.getStatus() == ItemStatus.OPEN).count();
        long overdue = list.stream().filter(i -> i.overdue(today)).count();
        return new LedgerView(campaignId, c.year(), organizationId, acting.organizationName(), o.stationId(), o.stationName(),
                authorities.of(organizationId).name(),
                list.stream().map(i -> LedgerLine.of(i, today)).toList(), open,
                list.size() - open, overdue, today, acting.may(Permission.UPGRADE_WRITE) && participation.open(c), authority);
    }

    @Transactional
    public LedgerLine add(long campaignId, long organizationId, ItemForm form) {
        return add(campaignId, Subject.organization(organizationId), form);
    }

    /**
     * A new line in the ledger of an organisation or of a station it hosts. A station's ledger stays with its grade: a
     * line goes in only once the station's grade is decided, as its goal does.
     */
    @Transactional
    public LedgerLine add(long campaignId, Subject subject, ItemForm form) {
        Subjects.Owner o = subjects.resolve(subject);
        long organizationId = o.organizationId();
        guard.acting(organizationId).require(Permission.UPGRADE_WRITE);
        CampaignView c = participation.requireOpen(campaignId, organizationId);
        if (o.stationId() != null && subjects.decided(campaignId, o).isEmpty()) {
            throw new DomainException("goal.station.notGraded");
        }
        int number = items.ledgerOf(campaignId, organizationId, o.stationId()).stream()
                .mapToInt(RectificationItem::getNumber).max().orElse(0) + 1;
        RectificationItem i = new RectificationItem(campaignId, organizationId, o.stationId(), number, form.problem(),
                form.measure(), form.responsible(), form.deadline(), c.year(), Actors.current(), LocalDateTime.now());
        items.saveAndFlush(i);
        audit.record("RectificationItem", i.getId(), organizationId, "CREATE", o.prefix() + "整改台账新增第 " + number + " 项："
                + i.getProblem(), null, snapshot(i));
        return LedgerLine.of(i, LocalDate.now());
    }

    @Transactional
    public LedgerLine revise(long itemId, ItemForm form) {
        RectificationItem i = load(itemId);
        readable(i).require(Permission.UPGRADE_WRITE);
        if (form.version() == null || form.version() != i.getVersion()) {
            throw new StaleRecordException();
        }
        Map<String, Object> before = snapshot(i);
        i.revise(form.problem(), form.measure(), form.responsible(), form.deadline(),
                participation.requireOpen(i.getCampaignId(), i.getOrganizationId()).year());
        items.saveAndFlush(i);
        audit.record("RectificationItem", itemId, i.getOrganizationId(), "UPDATE", "修改" + prefix(i) + "整改台账第 " + i.getNumber() + " 项",
                before, snapshot(i));
        return LedgerLine.of(i, LocalDate.now());
    }

    /** A progress note, with an evidence file if given (PDF, Word, Excel or image, checked by its bytes). */
    @Transactional
    public LedgerLine addNote(long itemId, String text, String fileName, byte[] bytes) {
        RectificationItem i = load(itemId);
        readable(i).require(Permission.UPGRADE_WRITE);
        participation.requireOpen(i.getCampaignId(), i.getOrganizationId());
        String key = null;
        String type = null;
        String safeName = null;
        if (bytes != null && bytes.length > 0) {
            type = FileTypePolicy.check(fileName, bytes);
            safeName = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
            safeName = safeName.length() > 200 ? safeName.substring(safeName.length() - 200) : safeName;
        }
        if (i.getStatus() != ItemStatus.OPEN) {
            throw new DomainException("item.closed");
        }
        if (text == null || text.isBlank()) {
            throw new DomainException("item.note");
        }
        if (type != null) {
            key = store.put(bytes);
        }
        i.addNote(text, safeName, type, bytes == null || bytes.length == 0 ? null : (long) bytes.length, key,
                Actors.current(), LocalDateTime.now());
        items.saveAndFlush(i);
        audit.record("RectificationItem", itemId, i.getOrganizationId(), "NOTE", prefix(i) + "整改台账第 " + i.getNumber() + " 项记录进展"
                + (safeName == null ? "" : "并上传佐证材料 " + safeName), null, Map.of("note", text.strip()));
        return LedgerLine.of(i, LocalDate.now());
    }

    /** 销号, by the authority. */
    @Transactional
    public LedgerLine close(long itemId, String remark, long version) {
        RectificationItem i = reviewable(itemId, version);
        Map<String, Object> before = snapshot(i);
        i.close(remark, Actors.current(), LocalDateTime.now());
        items.saveAndFlush(i);
        audit.record("RectificationItem", itemId, i.getOrganizationId(), "CLOSE", prefix(i) + "整改台账第 " + i.getNumber() + " 项销号",
                before, snapshot(i));
        return LedgerLine.of(i, LocalDate.now());
    }

    @Transactional
    public LedgerLine sendBack(long itemId, String reason, long version) {
        RectificationItem i = reviewable(itemId, version);
        Map<String, Object> before = snapshot(i);
        i.sendBack(reason);
        items.saveAndFlush(i);
        audit.record("RectificationItem", itemId, i.getOrganizationId(), "RETURN", prefix(i) + "整改台账第 " + i.getNumber()
                + " 项未予销号：" + i.getReturnReason(), before, snapshot(i));
        return LedgerLine.of(i, LocalDate.now());
    }

    public record Evidence(String fileName, String contentType, byte[] bytes) {
    }

    @Transactional(readOnly = true)
    public Evidence evidence(long itemId, long noteId) {
        RectificationItem i = load(itemId);
        readable(i);
        RectificationNote n = i.getNotes().stream().filter(x -> x.getId() == noteId && x.evidence()).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", noteId));
        return new Evidence(n.getFileName(), n.getContentType(), store.get(n.getStorageKey()));
    }

    private RectificationItem reviewable(long itemId, long version) {
        RectificationItem i = load(itemId);
        Acting acting = guard.acting(i.getOrganizationId());
        boolean authority = authorities.mayActFor(i.getOrganizationId());
        acting.requireOr(Permission.CAMPAIGN_READ, authority);
        if (!authority) {
            throw new AccessDeniedException("not the grading authority");
        }
        if (i.getVersion() != version) {
            throw new StaleRecordException();
        }
        return i;
    }

    private RectificationItem load(long itemId) {
        return items.findById(itemId).orElseThrow(() -> new NotFoundException("rectificationItem", itemId));
    }

    /** The item's organisation resolved once for the action; refused unless the user may read its records. */
    private Acting readable(RectificationItem i) {
        Acting acting = guard.acting(i.getOrganizationId());
        if (!acting.may(Permission.CAMPAIGN_READ) && !authorities.mayActFor(i.getOrganizationId())) {
            throw new AccessDeniedException("out of scope");
        }
        return acting;
    }

    /** How an audit summary names the station whose ledger the line is in ("" for an organisation's own). */
    private String prefix(RectificationItem i) {
        return subjects.of(i.getOrganizationId(), i.getStationId()).prefix();
    }

    private static Map<String, Object> snapshot(RectificationItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", i.getProblem());
        m.put("measure", i.getMeasure());
        m.put("responsible", i.getResponsible());
        m.put("deadline", String.valueOf(i.getDeadline()));
        m.put("status", i.getStatus().name());
        return m;
    }
}
