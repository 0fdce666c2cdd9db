package cn.tierup.station.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.FormValues;
import cn.tierup.shared.web.FormOutcome;
import cn.tierup.station.EquipmentCondition;
import cn.tierup.station.SessionKind;
import cn.tierup.station.StationSheets;
import cn.tierup.station.StationStatus;
import cn.tierup.station.StationUsage;
import cn.tierup.station.StationUsage.Usage;
import cn.tierup.station.Stations;
import cn.tierup.station.Stations.SessionView;
import cn.tierup.station.Stations.Shown;
import cn.tierup.station.Stations.StationView;
import cn.tierup.station.TerminalKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 远程教育站点 pages: a unit's registry (filters, .xlsx), registering a station, one station with its 学习活动
 * (correct, retire, record, correct and delete a session), and the usage figures of a unit.
 */
@Controller
class StationPageController {

    private final Stations stations;
    private final StationUsage usage;
    private final StationSheets sheets;
    private final ScopeGuard guard;
    private final FormOutcome outcome;

    StationPageController(Stations stations, StationUsage usage, StationSheets sheets, ScopeGuard guard,
                          FormOutcome outcome) {
        this.stations = stations;
        this.usage = usage;
        this.sheets = sheets;
        this.guard = guard;
        this.outcome = outcome;
    }

    private long unit(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }

    // ------------------------------------------------------------------ registry

    @GetMapping("/stations")
    String list(@RequestParam(required = false) Long org, @RequestParam(required = false) String shown,
                @RequestParam(required = false) String kind, Model model) {
        long unit = unit(org);
        Shown s = FormValues.choice(Shown.class, shown);
        TerminalKind k = FormValues.choice(TerminalKind.class, kind);
        List<StationView> lines = stations.list(unit, s, k);
        model.addAttribute("unitId", unit);
        model.addAttribute("unitName", guard.require(Permission.ORG_READ, unit).name());
        model.addAttribute("lines", lines);
        model.addAttribute("shown", s);
        model.addAttribute("kind", k);
        model.addAttribute("shownChoices", Shown.values());
        model.addAttribute("kinds", TerminalKind.values());
        model.addAttribute("canKeep", stations.canKeep(unit));
        model.addAttribute("canImport", guard.currentUser().has(Permission.IMPORT));
        model.addAttribute("exportUrl", query("/stations/export.xlsx", unit, s, k));
        return "stations/list";
    }

    @GetMapping("/stations/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long org, @RequestParam(required = false) String shown,
                                  @RequestParam(required = false) String kind) {
        long unit = unit(org);
        List<StationView> lines = stations.list(unit, FormValues.choice(Shown.class, shown),
                FormValues.choice(TerminalKind.class, kind));
        var wb = sheets.registry(guard.require(Permission.ORG_READ, unit).name(), lines);
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    @GetMapping("/stations/new")
    String newStation(@RequestParam(required = false) Long org, Model model) {
        return form(unit(org), StationFields.EMPTY, model);
    }

    @PostMapping("/stations/new")
    String register(@RequestParam long org, @ModelAttribute("typed") StationFields form, Model model,
                    RedirectAttributes redirect) {
        long unit = org;
        StationView[] made = new StationView[1];
        String view = outcome.orShow(model, redirect, "/stations", () -> {
            made[0] = stations.register(form.host(), form.details());
            return outcome.say("station.ok.registered", made[0].name());
        }, () -> form(unit, form, model));
        return made[0] == null ? view : "redirect:/stations/" + made[0].id();
    }

    @GetMapping("/stations/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        StationView v = stations.get(id);
        return detailPage(v, year, StationFields.of(v), SessionFields.EMPTY, model);
    }

    @PostMapping("/stations/{id}")
    String correct(@PathVariable long id, @ModelAttribute("typed") StationFields form, Model model,
                   RedirectAttributes redirect) {
        StationView v = stations.get(id);
        return outcome.orShow(model, redirect, "/stations/" + id, () -> {
            stations.correct(id, form.details(), form.versionValue());
            return outcome.say("station.ok.corrected");
        }, () -> detailPage(v, null, form, SessionFields.EMPTY, model));
    }

    @PostMapping("/stations/{id}/retire")
    String retire(@PathVariable long id, @RequestParam(required = false) String retiredOn,
                  @RequestParam(required = false) String version, RedirectAttributes redirect) {
        StationView v = stations.get(id);
        return outcome.orFlash(redirect, "/stations/" + id, () -> {
            stations.retire(id, FormValues.date(retiredOn), FormValues.longValue(version));
            return outcome.say("station.ok.retired", v.name());
        });
    }

    // ------------------------------------------------------------------ sessions

    @PostMapping("/stations/{id}/sessions")
    String record(@PathVariable long id, @ModelAttribute("typedSession") SessionFields form, Model model,
                  RedirectAttributes redirect) {
        StationView v = stations.get(id);
        return outcome.orShow(model, redirect, "/stations/" + id, () -> {
            SessionView s = stations.record(id, form.particulars());
            return outcome.say("station.session.ok.recorded", s.topic());
        }, () -> detailPage(v, null, StationFields.of(v), form, model));
    }

    @GetMapping("/stations/{id}/sessions/export.xlsx")
    ResponseEntity<byte[]> exportSessions(@PathVariable long id, @RequestParam(required = false) Integer year) {
        var wb = sheets.sessions(stations.get(id), year, stations.sessions(id, year));
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    @GetMapping("/stations/{id}/sessions/{sessionId}")
    String session(@PathVariable long id, @PathVariable long sessionId, Model model) {
        SessionView s = stations.session(id, sessionId);
        return sessionPage(stations.get(id), s, SessionFields.of(s), model);
    }

    @PostMapping("/stations/{id}/sessions/{sessionId}")
    String correctSession(@PathVariable long id, @PathVariable long sessionId, @ModelAttribute("typedSession") SessionFields form,
                          Model model, RedirectAttributes redirect) {
        SessionView s = stations.session(id, sessionId);
        return outcome.orShow(model, redirect, "/stations/" + id, () -> {
            stations.correct(id, sessionId, form.particulars(), form.versionValue());
            return outcome.say("station.session.ok.corrected");
        }, () -> sessionPage(stations.get(id), s, form, model));
    }

    @PostMapping("/stations/{id}/sessions/{sessionId}/delete")
    String deleteSession(@PathVariable long id, @PathVariable long sessionId,
                         @RequestParam(required = false) String version, RedirectAttributes redirect) {
        SessionView s = stations.session(id, sessionId);
        return outcome.orFlash(redirect, "/stations/" + id, () -> {
            stations.delete(id, sessionId, FormValues.longValue(version));
            return outcome.say("station.session.ok.deleted", s.topic());
        });
    }

    // ------------------------------------------------------------------ figures

    @GetMapping("/stations/usage")
    String usage(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() : year;
        Usage u = usage.of(unit(org), y);
        model.addAttribute("u", u);
        model.addAttribute("labels", u.lines().stream().map(sheets::label).toList());
        model.addAttribute("monthBars", MonthBar.of(u));
        // the last five years to choose from, and the year asked for if it lies further back
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        java.util.stream.IntStream.rangeClosed(LocalDate.now().getYear() - 4, LocalDate.now().getYear()).forEach(years::add);
        years.add(y);
        model.addAttribute("years", List.copyOf(years));
        model.addAttribute("exportUrl", UriComponentsBuilder.fromPath("/stations/usage/export.xlsx")
                .queryParam("org", u.organizationId()).queryParam("year", y).build().toUriString());
        return "stations/usage";
    }

    /**
     * One month of the 合计 line drawn as a bar: its width in tenths of the busiest month's (the page's styles allow no
     * inline widths), at least one tenth for a month with any session so that it never reads as none.
     */
    record MonthBar(int month, long sessions, long attendance, int width) {

        static List<MonthBar> of(Usage u) {
            var total = u.lines().get(u.lines().size() - 1);
            long busiest = total.monthlySessions().stream().mapToLong(Long::longValue).max().orElse(0);
            List<MonthBar> bars = new java.util.ArrayList<>();
            for (int m = 0; m < 12; m++) {
                long n = total.monthlySessions().get(m);
                int width = busiest == 0 || n == 0 ? 0 : (int) Math.max(10, Math.round(n * 10.0 / busiest) * 10);
                bars.add(new MonthBar(m + 1, n, total.monthlyAttendance().get(m), width));
            }
            return bars;
        }
    }

    @GetMapping("/stations/usage/export.xlsx")
    ResponseEntity<byte[]> exportUsage(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year) {
        var wb = sheets.usage(usage.of(unit(org), year == null ? LocalDate.now().getYear() : year));
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    // ------------------------------------------------------------------ pages

    private String form(long unit, StationFields typed, Model model) {
        model.addAttribute("unitId", unit);
        model.addAttribute("unitName", guard.require(Permission.ORG_READ, unit).name());
        model.addAttribute("hosts", stations.hosts(unit));
        model.addAttribute("form", typed);
        choices(model);
        return "stations/new";
    }

    private String detailPage(StationView v, Integer year, StationFields typed, SessionFields session, Model model) {
        List<SessionView> all = stations.sessions(v.id(), year);
        boolean canKeep = stations.canKeep(v.hostOrganizationId()) && !v.retired();
        model.addAttribute("v", v);
        model.addAttribute("state", sheets.state(v));
        model.addAttribute("year", year);
        model.addAttribute("years", all.isEmpty() && year == null ? List.of()
                : stations.sessions(v.id(), null).stream().map(s -> s.heldOn().getYear()).distinct().toList());
        model.addAttribute("sessions", all);
        model.addAttribute("partyMembers", all.stream().mapToInt(SessionView::partyMembers).sum());
        model.addAttribute("publicAttendees", all.stream().mapToInt(SessionView::publicAttendees).sum());
        model.addAttribute("canKeep", canKeep);
        model.addAttribute("form", typed);
        model.addAttribute("typedSession", session);
        model.addAttribute("sessionKinds", SessionKind.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("exportUrl", UriComponentsBuilder.fromPath("/stations/{id}/sessions/export.xlsx")
                .queryParamIfPresent("year", Optional.ofNullable(year)).buildAndExpand(v.id()).toUriString());
        choices(model);
        return "stations/station";
    }

    private String sessionPage(StationView v, SessionView s, SessionFields typed, Model model) {
        model.addAttribute("v", v);
        model.addAttribute("s", s);
        model.addAttribute("canKeep", stations.canKeep(v.hostOrganizationId()) && !v.retired());
        model.addAttribute("typedSession", typed);
        model.addAttribute("sessionKinds", SessionKind.values());
        model.addAttribute("today", LocalDate.now());
        return "stations/session";
    }

    private static void choices(Model model) {
        model.addAttribute("kinds", TerminalKind.values());
        model.addAttribute("conditions", EquipmentCondition.values());
        model.addAttribute("statuses", StationStatus.values());
    }

    private static String query(String path, long unit, Shown shown, TerminalKind kind) {
        return UriComponentsBuilder.fromPath(path).queryParam("org", unit)
                .queryParamIfPresent("shown", Optional.ofNullable(shown))
                .queryParamIfPresent("kind", Optional.ofNullable(kind)).build().toUriString();
    }
}
