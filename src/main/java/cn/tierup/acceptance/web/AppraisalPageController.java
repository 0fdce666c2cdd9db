package cn.tierup.acceptance.web;

import cn.tierup.acceptance.AppraisalExports;
import cn.tierup.acceptance.AppraisalMode;
import cn.tierup.acceptance.AppraisalStatus;
import cn.tierup.acceptance.AppraisalView;
import cn.tierup.acceptance.Appraisals;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.Messages;
import cn.tierup.shared.QrCodes;
import cn.tierup.shared.SatisfactionRate;
import cn.tierup.shared.web.FormOutcome;
import cn.tierup.shared.xlsx.Workbook;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The 民主测评 pages of a holder: its sittings (filtered by mode and status), a new sitting (every organisation it may
 * rate picked by default), a sitting's page (paper count entered, corrected and confirmed; a phone sitting's turnout and
 * count with the key; voiding with a reason), the printed codes of a phone sitting (answered once, when it is held) and
 * the results as .xlsx.
 */
@Controller
class AppraisalPageController {

    private final Appraisals appraisals;
    private final AppraisalExports exports;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final Messages messages;

    AppraisalPageController(Appraisals appraisals, AppraisalExports exports, ScopeGuard guard, FormOutcome outcome,
                            Messages messages) {
        this.appraisals = appraisals;
        this.exports = exports;
        this.guard = guard;
        this.outcome = outcome;
        this.messages = messages;
    }

    @GetMapping("/acceptance/appraisals")
    String desk(@RequestParam long campaign, @RequestParam(required = false) Long org,
                @RequestParam(required = false) AppraisalMode mode, @RequestParam(required = false) AppraisalStatus status,
                Model model) {
        return deskPage(campaign, holder(org), mode, status, AppraisalFields.EMPTY, model);
    }

    @PostMapping("/acceptance/appraisals")
    String hold(@RequestParam long campaign, @RequestParam long org, @ModelAttribute AppraisalFields form, Model model) {
        try {
            Appraisals.Held held = appraisals.hold(campaign, org, form.toForm());
            if (held.sitting().mode() == AppraisalMode.PAPER) {
                return "redirect:/acceptance/appraisals/" + held.sitting().id();
            }
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/q/a/" + held.sitting().slug()).toUriString();
            model.addAttribute("h", held);
            model.addAttribute("link", link);
            model.addAttribute("qr", QrCodes.dataUrl(link, 240));
            model.addAttribute("keyQr", QrCodes.dataUrl(held.closingKey(), 160));
            return "acceptance/appraisal-codes";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return deskPage(campaign, org, null, null, form, model);
        }
    }

    @GetMapping("/acceptance/appraisals/{id}")
    String sitting(@PathVariable long id, Model model) {
        return sittingPage(appraisals.get(id), null, model);
    }

    @PostMapping("/acceptance/appraisals/{id}/tally")
    String tally(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        AppraisalView s = appraisals.get(id);
        return outcome.orShow(model, redirect, "/acceptance/appraisals/" + id, () -> {
            appraisals.enterTally(id, AppraisalFields.tally(params, s.lines().stream().map(AppraisalView.Line::organizationId).toList()),
                    version(params));
            return outcome.say("acceptance.appraisal.ok.tally");
        }, () -> sittingPage(s, params, model));
    }

    @PostMapping("/acceptance/appraisals/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, "/acceptance/appraisals/" + id, () -> {
            appraisals.confirm(id, version(params));
            return outcome.say("acceptance.appraisal.ok.confirmed");
        });
    }

    @PostMapping("/acceptance/appraisals/{id}/count")
    String count(@PathVariable long id, @RequestParam(required = false) String closingKey, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, "/acceptance/appraisals/" + id, () -> {
            AppraisalView v = appraisals.count(id, closingKey);
            return outcome.say("acceptance.appraisal.ok.counted", v.ballotsReturned());
        });
    }

    @PostMapping("/acceptance/appraisals/{id}/void")
    String voidSitting(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, "/acceptance/appraisals/" + id, () -> {
            appraisals.voidSitting(id, reason);
            return outcome.say("acceptance.appraisal.ok.voided");
        });
    }

    @GetMapping("/acceptance/appraisals/results.xlsx")
    ResponseEntity<byte[]> results(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        Workbook w = exports.results(appraisals.desk(campaign, holder(org)));
        return Downloads.xlsx(w.fileName(), w.bytes());
    }

    private long holder(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }

    private static long version(Map<String, String> params) {
        try {
            return Long.parseLong(params.getOrDefault("version", "-1").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String deskPage(long campaign, long org, AppraisalMode mode, AppraisalStatus status, AppraisalFields typed,
                            Model model) {
        Appraisals.Desk d = appraisals.desk(campaign, org);
        List<AppraisalView> shown = d.sittings().stream().filter(s -> mode == null || s.mode() == mode)
                .filter(s -> status == null || s.status() == status).toList();
        model.addAttribute("d", d);
        model.addAttribute("shown", shown);
        model.addAttribute("filter", Map.of("mode", mode == null ? "" : mode.name(), "status", status == null ? "" : status.name()));
        model.addAttribute("modes", AppraisalMode.values());
        model.addAttribute("statuses", AppraisalStatus.values());
        model.addAttribute("form", typed.shown());
        model.addAttribute("picked", typed.picked());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("rule", messages.get(SatisfactionRate.RULE));
        return "acceptance/appraisals";
    }

    private String sittingPage(AppraisalView s, Map<String, String> typed, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("canWrite", appraisals.canWrite(s));
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        model.addAttribute("rule", messages.get(SatisfactionRate.RULE));
        return "acceptance/appraisal";
    }
}
