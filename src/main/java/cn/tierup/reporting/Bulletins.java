package cn.tierup.reporting;

import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.PhaseDates;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.reporting.Cockpit.Block;
import cn.tierup.reporting.Cockpit.BlockKind;
import cn.tierup.reporting.Cockpit.Row;
import cn.tierup.reporting.Cockpit.Table;
import cn.tierup.reporting.internal.BulletinStore;
import cn.tierup.reporting.internal.BulletinStore.Issued;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.NotFoundException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情况通报: a superior's progress bulletin over its own subtree, issued when it chooses, numbered 第N期 per issuing
 * organisation and campaign. Issuing takes the cockpit's blocks as they stand at that moment (nothing is counted here),
 * renders them into a .docx and keeps its bytes, so a re-download is the document as issued. The day of issue is the
 * server's clock, never the user's word: a bulletin cannot be back-dated.
 */
@Service
public class Bulletins {

    /** How many units a bulletin names as lagging (more where several share the last place). */
    static final int LAGGARDS = 3;
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A bulletin as listed: 第N期, when (China Standard Time), the period it covers, by whom, and where to download it. */
    public record Entry(long id, int number, String numberLabel, String title, String issuedAt, LocalDate periodFrom,
                        LocalDate periodTo, String period, String issuedByName, String laggards, String href) {
    }

    /**
     * The bulletins of one organisation in one campaign, and whether the user may issue the next one there: only for
     * their own organisation, and only when it has units under it; {@code refusal} says why not where it is their own.
     */
    public record Listing(long campaignId, String campaignName, long organizationId, String organizationName,
                          boolean mayIssue, String refusal, int nextNumber, LocalDate nextPeriodFrom, String nextPeriod,
                          List<Entry> bulletins) {
    }

    /** A unit named as lagging, with its overdue items. */
    record Laggard(long organizationId, String name, long lateReports, long overdueItems) {
        long overdue() {
            return lateReports + overdueItems;
        }
    }

    private final Cockpit cockpit;
    private final ScopeGuard guard;
    private final OrganizationService organizations;
    private final BulletinStore store;
    private final AuditRecorder audit;
    private final Messages messages;

    Bulletins(Cockpit cockpit, ScopeGuard guard, OrganizationService organizations, BulletinStore store, AuditRecorder audit,
              Messages messages) {
        this.cockpit = cockpit;
        this.guard = guard;
        this.organizations = organizations;
        this.store = store;
        this.audit = audit;
        this.messages = messages;
    }

    /** The organisation's bulletins ({@code null}: the user's own), read by it and its superiors only. */
    @Transactional(readOnly = true)
    public Listing list(long campaignId, Long organizationId) {
        Cockpit.Subject s = cockpit.subject(campaignId, organizationId);
        OrgRef org = s.organization();
        List<Issued> issued = store.of(campaignId, org.id());
        List<Entry> entries = issued.stream().map(this::entry).toList();
        boolean own = org.id() == guard.currentUser().organizationId();
        String refusal = !own ? null : hasUnits(org) ? null : msg("bulletin.notSuperior", org.name());
        LocalDate nextFrom = periodFrom(s.campaign(), issued);
        return new Listing(campaignId, s.campaign().name(), org.id(), org.name(), own && refusal == null, refusal,
                issued.isEmpty() ? 1 : issued.get(0).number() + 1, nextFrom, period(issued.isEmpty(), nextFrom), entries);
    }

    /**
     * Issues the next bulletin of the user's own organisation: {@code expectedNumber} is the 第N期 the user confirmed,
     * so a second press, or a colleague's issue in between, is refused rather than issuing another.
     */
    @Transactional
    public Entry issue(long campaignId, int expectedNumber) {
        CurrentUser me = guard.currentUser();
        Cockpit.Subject s = cockpit.subject(campaignId, null);
        OrgRef org = s.organization();
        if (!hasUnits(org)) {
            throw new DomainException("dashboard.bulletin.notSuperior", org.name());
        }
        List<Issued> issued = store.of(campaignId, org.id());
        int number = issued.isEmpty() ? 1 : issued.get(0).number() + 1;
        if (expectedNumber != number) {
            throw new DomainException("dashboard.bulletin.numberTaken", expectedNumber, number);
        }
        LocalDateTime now = LocalDateTime.now().withNano(0);
        LocalDate from = periodFrom(s.campaign(), issued);
        List<Block> blocks = new ArrayList<>();
        for (BlockKind kind : BlockKind.values()) {
            blocks.add(cockpit.block(kind, campaignId, org.id()));
        }
        List<Laggard> laggards = laggards(blocks);
        String title = msg("bulletin.docTitle", org.name(), number);
        BulletinDocument.Content content = new BulletinDocument.Content(title, org.name(), s.campaign().name(), number,
                now, from, issued.isEmpty(), blocks, laggardText(laggards), msg("bulletin.laggards.def", LAGGARDS),
                me.displayName());
        byte[] document = BulletinDocument.render(content, messages);
        String names = String.join("、", laggards.stream().map(Laggard::name).toList());
        long id = store.insert(campaignId, org.id(), number, title, from, now, me.accountId(), me.displayName(), names, document);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaignId", campaignId);
        after.put("number", number);
        after.put("periodFrom", from.toString());
        after.put("issuedAt", now.toString());
        after.put("laggards", names);
        audit.record("DashboardBulletin", id, org.id(), "ISSUE", msg("bulletin.audit", org.name(), number), null, after);
        return entry(store.find(id).orElseThrow());
    }

    /** The issued .docx as stored; read by the issuing organisation and its superiors only. */
    @Transactional(readOnly = true)
    public Issued find(long id) {
        Issued b = store.find(id).orElseThrow(() -> new NotFoundException("bulletin", id));
        guard.require(Permission.CAMPAIGN_READ, b.organizationId());
        return b;
    }

    @Transactional(readOnly = true)
    public byte[] document(long id) {
        find(id);
        return store.document(id);
    }

    /** The download's name: the bulletin's title (which names the issuer and 第N期), with nothing a file system refuses. */
    public static String fileName(Issued b) {
        return b.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".docx";
    }

    // ------------------------------------------------------------------ rules

    private boolean hasUnits(OrgRef org) {
        return !organizations.childList(org.id()).isEmpty();
    }

    /** The previous bulletin's day, or for the first the day the campaign's first phase starts. */
    static LocalDate periodFrom(CampaignView c, List<Issued> issuedLatestFirst) {
        if (!issuedLatestFirst.isEmpty()) {
            return issuedLatestFirst.get(0).issuedAt().toLocalDate();
        }
        return c.phases().values().stream().map(PhaseDates::startsOn).min(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * The lagging units: among the units right under the issuing organisation, those with overdue items — self-inspection
     * reports not handed in by their deadline (survey block, 逾期未报) plus ledger lines open past their deadline (upgrade
     * block, 逾期未销号) — most first, the first {@link #LAGGARDS} and any tied with the last of them; units with none are
     * never named. Read off the blocks' tables, so the bulletin names what its tables show.
     */
    List<Laggard> laggards(List<Block> blocks) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Long> late = count(block(blocks, BlockKind.SURVEY), msg("col.survey.late"), names);
        Map<Long, Long> overdue = count(block(blocks, BlockKind.UPGRADE), msg("col.upgrade.overdue"), names);
        List<Laggard> all = new ArrayList<>();
        names.forEach((id, name) -> all.add(new Laggard(id, name, late.getOrDefault(id, 0L), overdue.getOrDefault(id, 0L))));
        // a stable sort: units with as many overdue items keep the tree's order
        List<Laggard> lagging = all.stream().filter(l -> l.overdue() > 0)
                .sorted(Comparator.comparingLong(Laggard::overdue).reversed()).toList();
        if (lagging.size() <= LAGGARDS) {
            return lagging;
        }
        long last = lagging.get(LAGGARDS - 1).overdue();
        return lagging.stream().filter(l -> l.overdue() >= last).toList();
    }

    private static Block block(List<Block> blocks, BlockKind kind) {
        return blocks.stream().filter(b -> b.key().equals(kind.slug())).findFirst().orElseThrow();
    }

    /** The figure of one column of a block's first table, per unit (rows that stand for a unit only). */
    private static Map<Long, Long> count(Block b, String column, Map<Long, String> names) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (b.tables().isEmpty()) {
            return out;
        }
        Table t = b.tables().get(0);
        int i = t.columns().indexOf(column);
        if (i < 0) {
            return out;
        }
        for (Row r : t.rows()) {
            if (r.organizationId() != null && r.cells().get(i) instanceof Number n) {
                names.putIfAbsent(r.organizationId(), String.valueOf(r.cells().get(0)));
                out.merge(r.organizationId(), n.longValue(), Long::sum);
            }
        }
        return out;
    }

    private String laggardText(List<Laggard> laggards) {
        if (laggards.isEmpty()) {
            return msg("bulletin.laggards.none");
        }
        List<String> parts = laggards.stream().map(l -> msg("bulletin.laggards.one", l.name(), l.lateReports(), l.overdueItems()))
                .toList();
        return msg("bulletin.laggards.some", laggards.size(), String.join("；", parts));
    }

    private Entry entry(Issued b) {
        // numbers run from 1 without gaps: the first is the one whose period starts with the campaign
        boolean first = b.number() == 1;
        return new Entry(b.id(), b.number(), msg("bulletin.number", b.number()), b.title(), MINUTE.format(b.issuedAt()),
                b.periodFrom(), b.issuedAt().toLocalDate(), period(first, b.periodFrom()) + "至" + WordForms.day(b.issuedAt()),
                b.issuedByName(), b.laggards(), "/api/dashboard/bulletins/" + b.id() + ".docx");
    }

    String period(boolean first, LocalDate from) {
        return first ? msg("bulletin.period.first", WordForms.day(from)) : msg("bulletin.period.since", WordForms.day(from));
    }

    private String msg(String key, Object... args) {
        return messages.get("dashboard." + key, args);
    }
}
