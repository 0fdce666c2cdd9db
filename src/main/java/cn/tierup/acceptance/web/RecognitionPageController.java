package cn.tierup.acceptance.web;

import cn.tierup.acceptance.RecognitionDetails;
import cn.tierup.acceptance.RecognitionView;
import cn.tierup.acceptance.Recognitions;
import cn.tierup.campaign.RecognitionLevel;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.FormValues;
import cn.tierup.shared.Messages;
import cn.tierup.shared.xlsx.Workbook;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 示范 recognition pages: the list of the user's subtree (a year's or all), recording one, correcting one. */
@Controller
class RecognitionPageController {

    private final Recognitions recognitions;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;

    RecognitionPageController(Recognitions recognitions, OrganizationService organizations, ScopeGuard guard, Messages messages) {
        this.recognitions = recognitions;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
    }

    /** The list; {@code stationId} (from a station's page) lists that station's and offers to record it a 示范站点. */
    @GetMapping("/acceptance/recognitions")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long stationId, Model model) {
        return page(year, stationId == null ? Map.of() : Map.of("stationId", String.valueOf(stationId)), model);
    }

    @GetMapping("/acceptance/recognitions.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year) {
        Workbook w = recognitions.xlsx(year);
        return Downloads.xlsx(w.fileName(), w.bytes());
    }

    @PostMapping("/acceptance/recognitions")
    String record(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            RecognitionView v = recognitions.record(details(params, null));
            redirect.addFlashAttribute("success", messages.get("acceptance.recognition.recorded",
                    v.stationName() != null ? v.stationName() : v.organizationName()));
            return v.stationId() != null ? "redirect:/acceptance/recognitions?stationId=" + v.stationId() : "redirect:/acceptance/recognitions";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return page(null, params, model);
        }
    }

    @GetMapping("/acceptance/recognitions/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        RecognitionView v = recognitions.get(id);
        if (!v.canCorrect()) {
            throw new org.springframework.security.access.AccessDeniedException("may not correct");
        }
        model.addAttribute("r", v);
        model.addAttribute("form", Map.of("title", v.title(), "level", v.level().name(), "recognizedOn", v.recognizedOn().toString(),
                "issuedBy", v.issuedBy(), "documentNumber", v.documentNumber(), "version", String.valueOf(v.version())));
        return form(model);
    }

    @PostMapping("/acceptance/recognitions/{id}")
    String correct(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        RecognitionView v = recognitions.get(id);
        try {
            recognitions.correct(id, details(params, v.organizationId()));
            redirect.addFlashAttribute("success", messages.get("acceptance.recognition.corrected", v.organizationName()));
            return "redirect:/acceptance/recognitions";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("r", v);
            model.addAttribute("form", params);
            return form(model);
        }
    }

    private String page(Integer year, Map<String, String> form, Model model) {
        Long station = form.get("stationId") == null || form.get("stationId").isBlank() ? null : parsedOrNull(form.get("stationId"));
        model.addAttribute("year", year);
        model.addAttribute("list", recognitions.list(year, null, station));
        Recognitions.StationChoice choice = station == null ? null : recognitions.choice(station);
        model.addAttribute("stationId", station);
        model.addAttribute("stationLabel", choice == null ? null : choice.label());
        boolean canRecord = choice != null ? choice.mayRecord() : guard.currentUser().has(Permission.GRADING_DECIDE);
        model.addAttribute("canRecord", canRecord);
        Long picked = form.get("organizationId") == null ? null : parsedOrNull(form.get("organizationId"));
        model.addAttribute("pickedId", picked);
        model.addAttribute("pickedName", picked == null || !guard.can(Permission.ORG_READ, picked) ? null
                : organizations.get(picked).name());
        model.addAttribute("form", form);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("levels", RecognitionLevel.values());
        return "acceptance/recognitions";
    }

    private static Long parsedOrNull(String s) {
        try {
            return FormValues.longValue(s);
        } catch (DomainException e) {
            return null;
        }
    }

    private String form(Model model) {
        model.addAttribute("levels", RecognitionLevel.values());
        model.addAttribute("today", LocalDate.now());
        return "acceptance/recognition-edit";
    }

    private static RecognitionDetails details(Map<String, String> p, Long organizationId) {
        Long org = organizationId != null ? organizationId : FormValues.longValue(p.get("organizationId"));
        // a 示范站点 names its station; its organisation is the host, found by the service
        Long station = organizationId == null ? FormValues.longValue(p.get("stationId")) : null;
        if (station != null) {
            org = null;
        }
        return new RecognitionDetails(org, p.get("title"), FormValues.choice(RecognitionLevel.class, p.get("level")),
                FormValues.date(p.get("recognizedOn")), p.get("issuedBy"), p.get("documentNumber"),
                FormValues.longValue(p.get("version")), station);
    }
}
