package cn.tierup.reporting;

import cn.tierup.acceptance.Transitions;
import cn.tierup.campaign.CampaignDesk;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.ReminderService;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.LeadershipService;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireService.QuotaLine;
import cn.tierup.reporting.Cockpit.Block;
import cn.tierup.reporting.Cockpit.Row;
import cn.tierup.reporting.Cockpit.Subject;
import cn.tierup.reporting.Cockpit.Table;
import cn.tierup.shared.Messages;
import cn.tierup.upgrade.GoalStatus;
import cn.tierup.upgrade.UpgradeFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cockpit's early warnings (预警) over one organisation's subtree in a campaign: each rule asks the module that owns
 * its data once for the whole subtree (never once per organisation) and names the organisations it finds; the
 * thresholds are {@link WarningPolicy}'s. A superior sends every organisation a warning names a reminder (提醒) in one
 * action, through the campaign's {@link ReminderService} (which checks and audits each).
 */
@Service
public class Warnings {

    /** The rules, in the page's order; the slug is the address ({@code /api/dashboard/warnings/ledger-overdue/remind}). */
    public enum Rule {
        OVERDUE_WORK, LEDGER_OVERDUE, LAGGING_UNSUPPORTED, QUOTA_BEHIND, LOW_SATISFACTION, LAGGING_TWICE, NO_SECRETARY;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Rule> ofSlug(String slug) {
            return Arrays.stream(values()).filter(r -> r.slug().equals(slug)).findFirst();
        }
    }

    /** An organisation a warning names, why (its figures), and where the user looks into it. */
    public record Named(long organizationId, String name, String detail, String href) {
    }

    /** One rule: its title, the rule in words, how many organisations it names and which; {@code note} why none may be named yet. */
    public record Warning(String rule, String title, String definition, int count, List<Named> organizations, String note) {
    }

    /** The warnings block as the page and the API show it. */
    public record Report(String key, String title, long campaignId, long organizationId, String organizationName,
                         List<String> definitions, List<Warning> warnings) {
    }

    /** What one 一键提醒 did: reminders sent, to whom, and the named organisations left out (the user's own). */
    public record Sent(String rule, int sent, List<String> sentTo, List<String> skipped) {
    }

    private final Cockpit cockpit;
    private final CampaignDesk desk;
    private final UpgradeFigures upgrade;
    private final QuestionnaireService questionnaires;
    private final PledgeFigures pledges;
    private final Transitions transitions;
    private final LeadershipService leadership;
    private final ReminderService reminders;
    private final OrganizationDirectory directory;
    private final ScopeGuard guard;
    private final Messages messages;

    Warnings(Cockpit cockpit, CampaignDesk desk, UpgradeFigures upgrade, QuestionnaireService questionnaires,
             PledgeFigures pledges, Transitions transitions, LeadershipService leadership, ReminderService reminders,
             OrganizationDirectory directory, ScopeGuard guard, Messages messages) {
        this.cockpit = cockpit;
        this.desk = desk;
        this.upgrade = upgrade;
        this.questionnaires = questionnaires;
        this.pledges = pledges;
        this.transitions = transitions;
        this.leadership = leadership;
        this.reminders = reminders;
        this.directory = directory;
        this.guard = guard;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Report report(long campaignId, Long organizationId) {
        Subject s = cockpit.subject(campaignId, organizationId);
        LocalDate today = Cockpit.today();
        List<Warning> out = new ArrayList<>();
        for (Rule r : Rule.values()) {
            out.add(warning(r, s, today));
        }
        return new Report("warnings", msg("block.warnings"), s.campaign().id(), s.organization().id(), s.organization().name(),
                List.of(msg("warning.def.scope", s.organization().name()), msg("warning.def.remind")), out);
    }

    /** 一键提醒: a reminder with the rule's words to every organisation the warning names now (the user's own excepted). */
    @Transactional
    public Sent remind(Rule rule, long campaignId, Long organizationId) {
        Subject s = cockpit.subject(campaignId, organizationId);
        Warning w = warning(rule, s, Cockpit.today());
        long me = guard.currentUser().organizationId();
        String text = msg("warning." + rule.slug() + ".reminder", figures(rule, s.campaign()));
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Named n : w.organizations()) {
            // a reminder goes down: the user's own organisation, named in its own cockpit, is not sent one
            if (n.organizationId() == me) {
                skipped.add(n.name());
                continue;
            }
            reminders.send(s.campaign().id(), n.organizationId(), text);
            sent.add(n.name());
        }
        return new Sent(rule.slug(), sent.size(), sent, skipped);
    }

    /** The block's tables for the .xlsx: one sheet per rule, with its organisations. */
    public Block asBlock(Report r) {
        List<Table> tables = new ArrayList<>();
        List<String> defs = new ArrayList<>(r.definitions());
        for (Warning w : r.warnings()) {
            List<Row> rows = w.organizations().stream()
                    .map(n -> new Row(n.organizationId(), List.<Object>of(n.name(), n.detail()))).toList();
            tables.add(new Table(w.title(), List.of(msg("col.organization"), msg("col.warning.detail")), rows,
                    new Row(null, List.of(msg("total"), msg("warning.count", w.count())))));
            defs.add(w.title() + "：" + w.definition() + (w.note() == null ? "" : "（" + w.note() + "）"));
        }
        return new Block(r.key(), r.title(), r.campaignId(), r.organizationId(), r.organizationName(), null, null, defs,
                List.of(), tables, null);
    }

    // ------------------------------------------------------------------ the rules

    private Warning warning(Rule rule, Subject s, LocalDate today) {
        CampaignView c = s.campaign();
        long org = s.organization().id();
        String note = null;
        List<Named> named = switch (rule) {
            case OVERDUE_WORK -> desk.overdue(c, org).stream()
                    .map(o -> new Named(o.organizationId(), o.name(), o.obligations().stream()
                            .map(ob -> msg("warning.overdue-work.item", ob.what(), ob.dueOn().toString()))
                            .collect(Collectors.joining("；")), "/dashboard?campaign=" + c.id() + "&org=" + o.organizationId()))
                    .toList();
            case LEDGER_OVERDUE -> upgrade.openSince(c.id(), org, WarningPolicy.ledgerDeadlineBefore(today)).stream()
                    .map(l -> new Named(l.organizationId(), l.name(), msg("warning.ledger-overdue.detail", l.overdue(), l.open(),
                            WarningPolicy.LEDGER_OVERDUE_DAYS),
                            "/upgrade/ledger?campaign=" + c.id() + "&org=" + l.organizationId()))
                    .toList();
            case LAGGING_UNSUPPORTED -> {
                LocalDate due = WarningPolicy.laggingSupportDue(c.phases().get(Phase.UPGRADE).startsOn());
                if (today.isBefore(due)) {
                    note = msg("warning.lagging-unsupported.notYet", WarningPolicy.UPGRADE_GRACE_DAYS, due.toString());
                    yield List.of();
                }
                yield upgrade.laggingUnsupported(c.id(), org).stream()
                        .map(l -> new Named(l.organizationId(), l.name(), laggingDetail(l),
                                "/upgrade/goal?campaign=" + c.id() + "&org=" + l.organizationId()))
                        .toList();
            }
            case QUOTA_BEHIND -> quotaBehind(c, org, today);
            case LOW_SATISFACTION -> pledges.summary(c.id(), org).organizations().stream()
                    .filter(l -> l.organizationId() != null && WarningPolicy.lowSatisfaction(l.satisfaction()))
                    .map(l -> new Named(l.organizationId(), l.label(), msg("warning.low-satisfaction.detail",
                            l.satisfactionRate().toPlainString(), l.satisfaction().satisfiedOrFairly(), l.ratings()),
                            "/pledges?campaign=" + c.id() + "&org=" + l.organizationId()))
                    .toList();
            case LAGGING_TWICE -> transitions.laggingTwiceSoFar(c.id(), org).stream()
                    .map(n -> new Named(n.id(), n.name(), msg("warning.lagging-twice.detail",
                            String.valueOf(c.year() - 1), String.valueOf(c.year())),
                            "/grading/case?campaign=" + c.id() + "&org=" + n.id()))
                    .toList();
            case NO_SECRETARY -> campaignScope(s).map(scope -> leadership.vacantSecretaries(scope).stream()
                    .map(v -> new Named(v.organizationId(), v.name(), msg("warning.no-secretary.detail", v.lastHolder(),
                            v.endedOn().toString()), "/orgs/" + v.organizationId()))
                    .toList()).orElse(List.of());
        };
        Object[] args = figures(rule, c);
        return new Warning(rule.slug(), msg("warning." + rule.slug() + ".title", args),
                msg("warning." + rule.slug() + ".rule", args), named.size(), named, note);
    }

    /** The numbers a rule's title, wording and reminder name: {@link WarningPolicy}'s thresholds, the years compared. */
    private static Object[] figures(Rule rule, CampaignView c) {
        return switch (rule) {
            case LEDGER_OVERDUE -> new Object[] {WarningPolicy.LEDGER_OVERDUE_DAYS};
            case LAGGING_UNSUPPORTED -> new Object[] {WarningPolicy.UPGRADE_GRACE_DAYS,
                    WarningPolicy.laggingSupportDue(c.phases().get(Phase.UPGRADE).startsOn()).toString()};
            case LOW_SATISFACTION -> new Object[] {WarningPolicy.SATISFACTION_MIN_RATINGS, WarningPolicy.SATISFACTION_FLOOR_PERCENT};
            // years as plain digits (MessageFormat would print 2,026)
            case LAGGING_TWICE -> new Object[] {String.valueOf(c.year() - 1), String.valueOf(c.year())};
            default -> new Object[0];
        };
    }

    private String laggingDetail(UpgradeFigures.Line l) {
        List<String> why = new ArrayList<>();
        if (l.assists() == 0) {
            why.add(msg("warning.lagging-unsupported.noAssistance"));
        }
        if (l.goalStatus() != GoalStatus.APPROVED) {
            why.add(l.goalStatus() == null ? msg("warning.lagging-unsupported.noGoal")
                    : msg("warning.lagging-unsupported.goalNotApproved", messages.label(l.goalStatus())));
        }
        return String.join("；", why);
    }

    /** The questionnaires behind their schedule, grouped by the organisation that launched them (one statement). */
    private List<Named> quotaBehind(CampaignView c, long org, LocalDate today) {
        Map<Long, List<QuotaLine>> byOrg = new LinkedHashMap<>();
        for (QuotaLine q : questionnaires.quotasUnder(c.id(), org)) {
            if (WarningPolicy.behindSchedule(q.progress(), q.opensOn(), q.closesOn(), today)) {
                byOrg.computeIfAbsent(q.organizationId(), k -> new ArrayList<>()).add(q);
            }
        }
        return byOrg.values().stream().map(qs -> new Named(qs.get(0).organizationId(), qs.get(0).organizationName(),
                qs.stream().map(q -> msg("warning.quota-behind.detail", q.title(), q.progress().total(), q.progress().minimum(),
                        WarningPolicy.elapsedPercent(q.opensOn(), q.closesOn(), today), q.opensOn().toString(), q.closesOn().toString())).collect(Collectors.joining("；")),
                "/questionnaires/" + qs.get(0).questionnaireId())).toList();
    }

    /**
     * The part of the subject's subtree that takes part in the campaign: the subject itself under the campaign's root,
     * the root where the subject lies above it, none where the two are apart (rules that read the tree itself, not the
     * campaign's records, look only there).
     */
    private Optional<Long> campaignScope(Subject s) {
        OrgRef root = directory.find(s.campaign().rootOrganizationId()).orElseThrow();
        OrgRef org = s.organization();
        if (org.path().startsWith(root.path())) {
            return Optional.of(org.id());
        }
        return root.path().startsWith(org.path()) ? Optional.of(root.id()) : Optional.empty();
    }

    private String msg(String key, Object... args) {
        return messages.get("dashboard." + key, args);
    }
}
