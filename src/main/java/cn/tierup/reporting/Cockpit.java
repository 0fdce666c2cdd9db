package cn.tierup.reporting;

import cn.tierup.acceptance.RatePolicy.Judged;
import cn.tierup.acceptance.YearEndFigures;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseDates;
import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.GradingFigures.Distribution;
import cn.tierup.grading.Step;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireService.QuotaLine;
import cn.tierup.questionnaire.QuotaProgress;
import cn.tierup.shared.Messages;
import cn.tierup.shared.Shares;
import cn.tierup.survey.SurveyFigures;
import cn.tierup.upgrade.UpgradeFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cockpit (工作看板) of one organisation's subtree in one campaign, block by block: each block is the figures one
 * owning module counts over the whole subtree in one statement or a few (never one per organisation), laid out as the
 * page shows them — tables with Chinese headers, the chart drawn from them, how each figure is counted and where the
 * user acts. Nothing is counted here that a module already counts: this class only arranges.
 */
@Service
public class Cockpit {

    /** The blocks, in the page's order; the name is the address ({@code /api/dashboard/survey}). */
    public enum BlockKind {
        CALENDAR, SURVEY, QUESTIONNAIRES, GRADING, UPGRADE, PLEDGES, YEAR_END;

        /** As it appears in an address: lower case, words joined by a hyphen. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static java.util.Optional<BlockKind> ofSlug(String slug) {
            return Arrays.stream(values()).filter(k -> k.slug().equals(slug)).findFirst();
        }
    }

    /** One series of a chart: a name and a value per category. */
    public record Series(String name, List<Number> values) {
    }

    /**
     * A chart: {@code kind} is {@code stack} (horizontal stacked bars per category), {@code bars} (side by side, in
     * percent) or {@code calendar} (a bar per phase from {@code starts} to {@code ends}, {@code today} marked);
     * {@code ids} the organisation each category stands for (null where it stands for none), so a click drills into it.
     */
    public record Chart(String kind, String title, List<String> categories, List<Long> ids, List<Series> series,
                        List<String> starts, List<String> ends, String today) {

        static Chart stack(String title, List<String> categories, List<Long> ids, List<Series> series) {
            return new Chart("stack", title, categories, ids, series, List.of(), List.of(), null);
        }

        static Chart bars(String title, List<String> categories, List<Long> ids, List<Series> series) {
            return new Chart("bars", title, categories, ids, series, List.of(), List.of(), null);
        }
    }

    /** A line of a table; {@code organizationId} the unit it stands for (drilled into on a click), null for 合计 and the like. */
    public record Row(Long organizationId, List<Object> cells) {
    }

    public record Table(String title, List<String> columns, List<Row> rows, Row total) {
    }

    /**
     * A block as the page and the .xlsx show it. {@code act} is where the user acts on these figures, {@code definitions}
     * say how each figure is counted; {@code note} says why a block is empty where it is.
     */
    public record Block(String key, String title, long campaignId, long organizationId, String organizationName,
                        String actHref, String actLabel, List<String> definitions, List<Chart> charts, List<Table> tables,
                        String note) {
    }

    /** The organisation a cockpit is about, as the guard found it: in the user's subtree, or refused. */
    public record Subject(CampaignView campaign, OrgRef organization) {
    }

    private final ScopeGuard guard;
    private final CampaignService campaigns;
    private final SurveyFigures survey;
    private final QuestionnaireService questionnaires;
    private final GradingFigures grading;
    private final UpgradeFigures upgrade;
    private final PledgeFigures pledges;
    private final YearEndFigures yearEnd;
    private final OrganizationService organizations;
    private final Messages messages;

    Cockpit(ScopeGuard guard, CampaignService campaigns, SurveyFigures survey, QuestionnaireService questionnaires,
            GradingFigures grading, UpgradeFigures upgrade, PledgeFigures pledges, YearEndFigures yearEnd,
            OrganizationService organizations, Messages messages) {
        this.guard = guard;
        this.campaigns = campaigns;
        this.survey = survey;
        this.questionnaires = questionnaires;
        this.grading = grading;
        this.upgrade = upgrade;
        this.pledges = pledges;
        this.yearEnd = yearEnd;
        this.organizations = organizations;
        this.messages = messages;
    }

    /** The campaign and the organisation ({@code null}: the user's own), checked by the one guard. */
    @Transactional(readOnly = true)
    public Subject subject(long campaignId, Long organizationId) {
        long org = organizationId == null ? guard.currentUser().organizationId() : organizationId;
        OrgRef ref = guard.require(Permission.CAMPAIGN_READ, org);
        return new Subject(campaigns.get(campaignId), ref);
    }

    @Transactional(readOnly = true)
    public Block block(BlockKind kind, long campaignId, Long organizationId) {
        Subject s = subject(campaignId, organizationId);
        return switch (kind) {
            case CALENDAR -> calendar(s);
            case SURVEY -> survey(s);
            case QUESTIONNAIRES -> questionnaires(s);
            case GRADING -> grading(s);
            case UPGRADE -> upgrade(s);
            case PLEDGES -> pledges(s);
            case YEAR_END -> yearEnd(s);
        };
    }

    /** Today in the offices' zone (the process's default, {@code OfficeTimeZone}). */
    static LocalDate today() {
        return LocalDate.now();
    }

    // ------------------------------------------------------------------ blocks

    private Block calendar(Subject s) {
        CampaignView c = s.campaign();
        LocalDate today = today();
        List<Row> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (Phase p : Phase.values()) {
            PhaseDates d = c.phases().get(p);
            String status = messages.label(c.status().get(p));
            boolean now = !today.isBefore(d.startsOn()) && !today.isAfter(d.endsOn());
            rows.add(new Row(null, List.of(messages.label(p), d.startsOn().toString(), d.endsOn().toString(),
                    d.dueOn().toString(), now ? msg("today.here") : status)));
            names.add(messages.label(p));
            starts.add(d.startsOn().toString());
            ends.add(d.endsOn().toString());
        }
        Chart chart = new Chart("calendar", msg("calendar.chart"), names, null, List.of(), starts, ends, today.toString());
        Table table = new Table(msg("calendar.table"), cols("phase", "startsOn", "endsOn", "dueOn", "status"), rows, null);
        return block(BlockKind.CALENDAR, s, "/campaigns/" + c.id(), msg("calendar.act"),
                List.of(msg("calendar.def", today.toString())), List.of(chart), List.of(table), null);
    }

    private Block survey(Subject s) {
        CampaignView c = s.campaign();
        SurveyFigures.Summary sum = survey.summary(c.id(), s.organization().id());
        LocalDate due = c.phases().get(Phase.SURVEY).dueOn();
        boolean pastDue = today().isAfter(due);
        List<Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Number> accepted = new ArrayList<>();
        List<Number> waiting = new ArrayList<>();
        List<Number> late = new ArrayList<>();
        List<Number> notYet = new ArrayList<>();
        List<SurveyFigures.Figures> lines = new ArrayList<>(sum.children());
        if (sum.own().reportsOwed() > 0) {
            lines.add(sum.own());
        }
        for (SurveyFigures.Figures f : lines) {
            boolean own = f == sum.own();
            String label = own ? f.name() + msg("ownLevel") : f.name();
            long lateOnes = pastDue ? f.reportsOwed() - f.reportsHandedIn() : 0;
            rows.add(new Row(own ? null : f.organizationId(), surveyCells(label, f, lateOnes)));
            labels.add(label);
            ids.add(own ? null : f.organizationId());
            accepted.add(f.reportsAccepted());
            waiting.add(f.reportsHandedIn() - f.reportsAccepted());
            late.add(lateOnes);
            notYet.add(f.reportsOwed() - f.reportsHandedIn() - lateOnes);
        }
        SurveyFigures.Figures t = sum.total();
        Row total = new Row(null, surveyCells(msg("total"), t, pastDue ? t.reportsOwed() - t.reportsHandedIn() : 0));
        Table table = new Table(msg("survey.table"), cols("unit", "survey.owed", "survey.handedIn", "survey.accepted",
                "survey.late", "survey.rate"), rows, total);
        Chart chart = Chart.stack(msg("survey.chart"), labels, ids, List.of(new Series(msg("survey.accepted"), accepted),
                new Series(msg("survey.waiting"), waiting), new Series(msg("survey.late"), late),
                new Series(msg("survey.notYet"), notYet)));
        return block(BlockKind.SURVEY, s, "/survey?campaign=" + c.id() + "&org=" + s.organization().id(), msg("survey.act"),
                List.of(msg("survey.def.owed"), msg("survey.def.handedIn"), msg("survey.def.late", due.toString()),
                        msg("survey.def.rate")),
                lines.isEmpty() ? List.of() : List.of(chart), List.of(table), lines.isEmpty() ? msg("noUnits") : null);
    }

    private List<Object> surveyCells(String label, SurveyFigures.Figures f, long late) {
        return List.of(label, f.reportsOwed(), f.reportsHandedIn(), f.reportsAccepted(), late,
                Shares.rate(f.reportsHandedIn(), f.reportsOwed()));
    }

    private Block questionnaires(Subject s) {
        CampaignView c = s.campaign();
        OrgRef org = s.organization();
        List<QuotaLine> lines = questionnaires.quotasUnder(c.id(), org.id());
        List<Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Number> members = new ArrayList<>();
        List<Number> publics = new ArrayList<>();
        List<Number> missing = new ArrayList<>();
        long totalMembers = 0;
        long totalPublics = 0;
        long totalMinimum = 0;
        long met = 0;
        for (QuotaLine q : lines) {
            Unit u = q.unitId() == null ? new Unit(null, org.name() + msg("ownLevel")) : new Unit(q.unitId(), q.unitName());
            QuotaProgress p = q.progress();
            List<BigDecimal> shares = Shares.of(new long[] {p.members(), p.publics()}, p.total());
            String ratio = p.ratioApplies() ? p.members() + "∶" + p.publics() + "（" + shares.get(0) + "%∶" + shares.get(1) + "%）"
                    : msg("quota.noRatio");
            String required = p.ratioApplies()
                    ? msg("quota.required", p.minimum(), p.memberShare(), 100 - p.memberShare(), p.membersRequired(), p.publicsRequired())
                    : msg("quota.requiredTotal", p.minimum());
            String state = p.met() ? msg("quota.met") : msg("quota.missing", p.membersMissing(), p.publicsMissing(), p.othersMissing());
            rows.add(new Row(u.id(), List.of(u.name(), q.organizationName(), q.title(), required, p.members(), p.publics(),
                    p.total(), ratio, state)));
            String label = u.id() == null ? q.organizationName() : u.name();
            labels.add(label + "·" + q.title());
            ids.add(u.id());
            members.add(p.members());
            publics.add(p.publics());
            missing.add(p.membersMissing() + p.publicsMissing() + p.othersMissing());
            totalMembers += p.members();
            totalPublics += p.publics();
            totalMinimum += p.minimum();
            met += p.met() ? 1 : 0;
        }
        Row total = lines.isEmpty() ? null : new Row(null, List.of(msg("total"), "", msg("quota.metCount", met, lines.size()),
                msg("quota.requiredTotal", totalMinimum), totalMembers, totalPublics, totalMembers + totalPublics,
                totalMembers + "∶" + totalPublics, ""));
        Table table = new Table(msg("quota.table"), cols("unit", "organization", "quota.title", "quota.required",
                "quota.members", "quota.publics", "quota.total", "quota.ratio", "quota.state"), rows, total);
        Chart chart = Chart.stack(msg("quota.chart"), labels, ids, List.of(new Series(msg("quota.members"), members),
                new Series(msg("quota.publics"), publics), new Series(msg("quota.stillMissing"), missing)));
        return block(BlockKind.QUESTIONNAIRES, s, "/questionnaires?campaign=" + c.id(), msg("quota.act"),
                List.of(msg("quota.def.scope"), msg("quota.def.met"), msg("quota.def.ratio")),
                lines.isEmpty() ? List.of() : List.of(chart), List.of(table), lines.isEmpty() ? msg("quota.none") : null);
    }

    private Block grading(Subject s) {
        CampaignView c = s.campaign();
        long org = s.organization().id();
        GradingFigures.Overview o = grading.overview(c.id(), org);
        GradingFigures.Spread spread = grading.spread(c.id(), org);
        List<Row> steps = new ArrayList<>();
        steps.add(new Row(null, List.of(msg("grading.notStarted"), o.notStarted())));
        for (Step step : Step.values()) {
            long n = o.atStep().getOrDefault(step, 0L) - (step == Step.PUBLIC_REVIEW ? o.notStarted() : 0);
            steps.add(new Row(null, List.of(step == Step.DONE ? messages.label(step) : msg("grading.atStep", messages.label(step)), n)));
        }
        steps.add(new Row(null, List.of(msg("grading.late"), o.late())));
        Table stepTable = new Table(msg("grading.steps"), cols("grading.step", "grading.count"), steps,
                new Row(null, List.of(msg("total"), o.grades().total())));
        List<Row> unitRows = new ArrayList<>();
        for (Distribution d : spread.units()) {
            unitRows.add(new Row(d.unitId(), distributionCells(d.label(), d)));
        }
        Table unitTable = new Table(msg("grading.byUnit"), distributionColumns("unit"), unitRows,
                new Row(null, distributionCells(msg("total"), o.grades())));
        List<Row> fieldRows = new ArrayList<>();
        for (Distribution d : spread.fields()) {
            fieldRows.add(new Row(null, distributionCells(messages.get("Field." + d.label()), d)));
        }
        Table fieldTable = new Table(msg("grading.byField"), distributionColumns("field"), fieldRows,
                new Row(null, distributionCells(msg("total"), o.grades())));
        List<Chart> charts = new ArrayList<>();
        if (!spread.units().isEmpty()) {
            charts.add(Chart.stack(msg("grading.chart.units"), spread.units().stream().map(Distribution::label).toList(),
                    spread.units().stream().map(Distribution::unitId).toList(), gradeSeries(spread.units())));
        }
        if (!spread.fields().isEmpty()) {
            charts.add(Chart.stack(msg("grading.chart.fields"),
                    spread.fields().stream().map(d -> messages.get("Field." + d.label())).toList(),
                    spread.fields().stream().map(d -> (Long) null).toList(), gradeSeries(spread.fields())));
        }
        return block(BlockKind.GRADING, s, "/grading?campaign=" + c.id() + "&org=" + org, msg("grading.act"),
                List.of(msg("grading.def.scope"), msg("grading.def.steps"), msg("grading.def.late", o.dueOn().toString()),
                        msg("grading.def.share")),
                charts, List.of(stepTable, unitTable, fieldTable), o.grades().total() == 0 ? msg("grading.none") : null);
    }

    private List<String> distributionColumns(String first) {
        return cols(first, "grading.total", "grading.decided", "grading.advanced", "grading.average", "grading.lagging",
                "grading.undecided", "grading.advancedShare");
    }

    private static List<Object> distributionCells(String label, Distribution d) {
        return List.of(label, d.total(), d.decided(), d.advanced(), d.average(), d.lagging(), d.total() - d.decided(),
                d.advancedShare());
    }

    private List<Series> gradeSeries(List<Distribution> ds) {
        return List.of(new Series(messages.label(Grade.ADVANCED), ds.stream().map(d -> (Number) d.advanced()).toList()),
                new Series(messages.label(Grade.AVERAGE), ds.stream().map(d -> (Number) d.average()).toList()),
                new Series(messages.label(Grade.LAGGING), ds.stream().map(d -> (Number) d.lagging()).toList()),
                new Series(msg("grading.undecided"), ds.stream().map(d -> (Number) (d.total() - d.decided())).toList()));
    }

    private Block upgrade(Subject s) {
        CampaignView c = s.campaign();
        long org = s.organization().id();
        UpgradeFigures.Overview o = upgrade.overview(c.id(), org);
        List<Row> rows = new ArrayList<>();
        for (UpgradeFigures.Totals t : o.units()) {
            rows.add(new Row(t.unitId(), upgradeCells(t.label(), t)));
        }
        Table table = new Table(msg("upgrade.table"), cols("unit", "upgrade.graded", "upgrade.goalsSubmitted",
                "upgrade.goalsApproved", "upgrade.items", "upgrade.open", "upgrade.closed", "upgrade.overdue",
                "upgrade.lagging", "upgrade.converted", "upgrade.unassisted"), rows,
                new Row(null, upgradeCells(msg("total"), o.totals())));
        List<Table> tables = new ArrayList<>(List.of(table));
        if (!o.unassisted().isEmpty()) {
            tables.add(new Table(msg("upgrade.unassistedTable"), cols("organization", "upgrade.parent", "upgrade.grade"),
                    o.unassisted().stream().map(l -> new Row(l.organizationId(), List.of(l.name(), nz(l.parentName()),
                            nz(l.grade())))).toList(), null));
        }
        List<Chart> charts = o.units().isEmpty() ? List.of() : List.of(Chart.stack(msg("upgrade.chart"),
                o.units().stream().map(UpgradeFigures.Totals::label).toList(),
                o.units().stream().map(UpgradeFigures.Totals::unitId).toList(),
                List.of(new Series(msg("upgrade.closed"), o.units().stream().map(t -> (Number) t.closed()).toList()),
                        new Series(msg("upgrade.openInTime"), o.units().stream().map(t -> (Number) (t.open() - t.overdue())).toList()),
                        new Series(msg("upgrade.overdue"), o.units().stream().map(t -> (Number) t.overdue()).toList()))));
        return block(BlockKind.UPGRADE, s, "/upgrade?campaign=" + c.id() + "&org=" + org, msg("upgrade.act"),
                List.of(msg("upgrade.def.scope"), msg("upgrade.def.goals"), msg("upgrade.def.ledger"),
                        msg("upgrade.def.unassisted")),
                charts, tables, o.totals().organizations() == 0 ? msg("grading.none") : null);
    }

    private static List<Object> upgradeCells(String label, UpgradeFigures.Totals t) {
        return List.of(label, t.graded(), t.goalsSubmitted(), t.goalsApproved(), t.items(), t.open(), t.closed(), t.overdue(),
                t.lagging(), t.converted(), t.weakWithoutAssistance());
    }

    private Block pledges(Subject s) {
        CampaignView c = s.campaign();
        long org = s.organization().id();
        PledgeFigures.Summary sum = pledges.summary(c.id(), org);
        List<Row> rows = new ArrayList<>();
        for (PledgeFigures.Line l : sum.units()) {
            rows.add(new Row(l.organizationId(), pledgeCells(l.label(), l)));
        }
        Table table = new Table(msg("pledge.table"), cols("unit", "pledge.pledges", "pledge.items", "pledge.fulfilled",
                "pledge.inProgress", "pledge.notFulfilled", "pledge.fulfilmentRate", "pledge.ratings", "pledge.satisfied",
                "pledge.fairly", "pledge.dissatisfied", "pledge.satisfactionRate"), rows,
                new Row(null, pledgeCells(msg("total"), sum.total())));
        List<Chart> charts = sum.units().isEmpty() ? List.of() : List.of(Chart.bars(msg("pledge.chart"),
                sum.units().stream().map(PledgeFigures.Line::label).toList(),
                sum.units().stream().map(PledgeFigures.Line::organizationId).toList(),
                List.of(new Series(msg("col.pledge.fulfilmentRate"), sum.units().stream().map(l -> (Number) l.fulfilmentRate()).toList()),
                        new Series(msg("col.pledge.satisfactionRate"), sum.units().stream().map(l -> (Number) l.satisfactionRate()).toList()))));
        return block(BlockKind.PLEDGES, s, "/pledges/overview?campaign=" + c.id() + "&org=" + org, msg("pledge.act"),
                List.of(msg("pledge.def.items"), msg("pledge.def.fulfilment"), msg("pledge.def.satisfaction")),
                charts, List.of(table), sum.total().items() == 0 && sum.units().isEmpty() ? msg("grading.none") : null);
    }

    private static List<Object> pledgeCells(String label, PledgeFigures.Line l) {
        return List.of(label, l.pledges(), l.items(), l.fulfilled(), l.inProgress(), l.notFulfilled(), l.fulfilmentRate(),
                l.ratings(), l.satisfied(), l.fairly(), l.dissatisfied(), l.satisfactionRate());
    }

    private Block yearEnd(Subject s) {
        CampaignView c = s.campaign();
        OrgRef org = s.organization();
        String act = "/acceptance/summaries?campaign=" + c.id();
        PhaseDates acceptance = c.phases().get(Phase.ACCEPTANCE);
        List<String> defs = List.of(messages.get("acceptance.summary.def.base"), messages.get("acceptance.summary.def.share"),
                messages.get("acceptance.summary.def.model", c.modelLevels().stream().map(messages::label)
                        .collect(java.util.stream.Collectors.joining("、"))), messages.get("acceptance.summary.def.upgrade"),
                messages.get("acceptance.summary.def.conversion"), messages.get("acceptance.summary.def.verdict"));
        if (!Boolean.TRUE.equals(c.started().get(Phase.ACCEPTANCE))) {
            return block(BlockKind.YEAR_END, s, act, msg("yearEnd.act"), defs, List.of(), List.of(),
                    msg("yearEnd.notYet", acceptance.startsOn().toString()));
        }
        YearEndFigures.Figures f = yearEnd.of(c, org.id(), org.name());
        Map<String, Long> unitIds = new LinkedHashMap<>();
        units(org).forEach(u -> unitIds.put(u.name(), u.id()));
        List<Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<List<Number>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (YearEndFigures.FieldFigures ff : f.fields()) {
            for (YearEndFigures.Line l : ff.units()) {
                rows.add(new Row(unitIds.get(l.unit()), yearEndCells(ff.fieldName(), l)));
            }
            rows.add(new Row(null, yearEndCells(ff.fieldName(), ff.total())));
            labels.add(ff.fieldName());
            List<Judged> judged = ff.total().judged();
            for (int i = 0; i < 4; i++) {
                BigDecimal p = judged.get(i).percent();
                rates.get(i).add(p == null ? 0 : p);
            }
        }
        Table table = new Table(msg("yearEnd.table"), cols("field", "unit", "yearEnd.start", "yearEnd.end",
                "yearEnd.advancedShare", "yearEnd.modelRate", "yearEnd.upgradeRate", "yearEnd.conversionRate"), rows, null);
        List<Chart> charts = f.empty() ? List.of() : List.of(Chart.bars(msg("yearEnd.chart"), labels,
                labels.stream().map(l -> (Long) null).toList(),
                List.of(new Series(msg("yearEnd.advancedShare"), rates.get(0)), new Series(msg("yearEnd.modelRate"), rates.get(1)),
                        new Series(msg("yearEnd.upgradeRate"), rates.get(2)), new Series(msg("yearEnd.conversionRate"), rates.get(3)))));
        return block(BlockKind.YEAR_END, s, act, msg("yearEnd.act"), defs, charts, List.of(table),
                f.empty() ? msg("yearEnd.none", org.name()) : null);
    }

    private List<Object> yearEndCells(String field, YearEndFigures.Line l) {
        List<Object> cells = new ArrayList<>(List.of(field, l.unit(), l.counts().startTotal(), l.counts().endTotal()));
        for (Judged j : l.judged()) {
            cells.add(msg("yearEnd.judged", j.display(), (j.mustExceed() && j.target() < 100 ? "＞" : "≥") + j.target() + "%",
                    messages.get("acceptance.summary.verdict." + j.verdict())));
        }
        return cells;
    }

    // ------------------------------------------------------------------ helpers

    /** A child unit of the cockpit's organisation (its whole subtree), or 本级 (id null). */
    record Unit(Long id, String name) {
    }

    /** The organisation's children that are not retired: one statement. */
    private List<Unit> units(OrgRef org) {
        return organizations.childList(org.id()).stream().map(c -> new Unit(c.id(), c.name())).toList();
    }

    private Block block(BlockKind kind, Subject s, String act, String actLabel, List<String> definitions, List<Chart> charts,
                        List<Table> tables, String note) {
        return new Block(kind.slug(), msg("block." + kind.slug()), s.campaign().id(), s.organization().id(),
                s.organization().name(), act, actLabel, definitions, charts, tables, note);
    }

    private List<String> cols(String... keys) {
        return Arrays.stream(keys).map(k -> msg("col." + k)).toList();
    }

    private String msg(String key, Object... args) {
        return messages.get("dashboard." + key, args);
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
