package cn.tierup.survey.web;

import cn.tierup.campaign.CampaignDesk;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import cn.tierup.survey.ActivityEntry;
import cn.tierup.survey.ActivityKind;
import cn.tierup.survey.EvaluatorGroup;
import cn.tierup.survey.ReportContent;
import cn.tierup.survey.ReportType;
import cn.tierup.survey.ReportView;
import cn.tierup.survey.StationEntry;
import cn.tierup.survey.SurveyActivities;
import cn.tierup.survey.SurveyFigures;
import cn.tierup.survey.SurveyReports;
import jakarta.validation.Valid;
import java.io.IOException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;


import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 现状大调查 pages: the hub, a report (write, attach, hand in; accept or return), the survey records. */
@Controller
class SurveyPageController {

    private final CampaignService campaigns;
    private final CampaignDesk desk;
    private final SurveyReports reports;
    private final SurveyActivities activities;
    private final SurveyFigures figures;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;
    private final PhaseWindows phaseWindows;

    SurveyPageController(CampaignService campaigns, CampaignDesk desk, SurveyReports reports, SurveyActivities activities,
                         SurveyFigures figures, OrganizationService organizations, ScopeGuard guard, Messages messages,
                         PhaseWindows phaseWindows) {
        this.phaseWindows = phaseWindows;
        this.campaigns = campaigns;
        this.desk = desk;
        this.reports = reports;
        this.activities = activities;
        this.figures = figures;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/survey")
    String hub(@RequestParam(required = false) Long campaign, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        model.addAttribute("c", c);
        model.addAttribute("desk", desk.desk(c, Phase.SURVEY));
        model.addAttribute("org", organizations.home());
        return "survey/hub";
    }

    @GetMapping("/survey/report")
    String report(@RequestParam long campaign, @RequestParam(required = false) Long org,
                  @RequestParam(defaultValue = "false") boolean onBehalf, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        ReportView r = reports.owed(campaign, orgId);
        model.addAttribute("onBehalf", onBehalf);
        return reportPage(r, formOf(r), model);
    }

    @PostMapping("/survey/report")
    String saveReport(@RequestParam long campaign, @RequestParam long org, @RequestParam(defaultValue = "save") String action,
                      @RequestParam(defaultValue = "false") boolean onBehalf, @Valid ReportContent content,
                      BindingResult binding, Model model, RedirectAttributes redirect) {
        model.addAttribute("onBehalf", onBehalf);
        if (binding.hasErrors()) {
            model.addAttribute("errors", messages.fieldErrors(binding));
            return reportPage(reports.owed(campaign, org), content, model);
        }
        try {
            ReportView r = "submit".equals(action) ? reports.submit(campaign, org, content) : reports.save(campaign, org, content);
            redirect.addFlashAttribute("success", "submit".equals(action)
                    ? messages.get(r.submittedLate() ? "flash.report.submittedLate" : "flash.report.submitted")
                    : messages.get("flash.draftSaved"));
            return "redirect:" + reportAddress(campaign, org, onBehalf);
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return reportPage(reports.owed(campaign, org), content, model);
        }
    }

    @PostMapping("/survey/reports/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        ReportView r = reports.accept(id);
        redirect.addFlashAttribute("success", messages.get("flash.report.accepted", r.organizationName()));
        return "redirect:/survey/report?campaign=" + r.campaignId() + "&org=" + r.organizationId();
    }

    @PostMapping("/survey/reports/{id}/return")
    String returnReport(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        ReportView r = reports.get(id);
        try {
            reports.returnForRevision(id, reason);
            redirect.addFlashAttribute("success", messages.get("flash.returned"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/survey/report?campaign=" + r.campaignId() + "&org=" + r.organizationId();
    }

    @PostMapping("/survey/report/attachments")
    String attach(@RequestParam long campaign, @RequestParam long org, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean onBehalf, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("attachment.empty");
            }
            reports.attach(campaign, org, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("success", messages.get("flash.attachment.uploaded", file.getOriginalFilename()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + reportAddress(campaign, org, onBehalf);
    }

    @PostMapping("/survey/attachments/{id}/delete")
    String detach(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                  @RequestParam(defaultValue = "false") boolean onBehalf, RedirectAttributes redirect) {
        try {
            reports.detach(id);
            redirect.addFlashAttribute("success", messages.get("flash.attachment.deleted"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + reportAddress(campaign, org, onBehalf);
    }

    @GetMapping("/survey/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        SurveyReports.Download d = reports.download(id);
        return cn.tierup.shared.Downloads.file(d.fileName(), MediaType.parseMediaType(d.contentType()), d.bytes());
    }

    @GetMapping("/survey/activities")
    String activities(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("form", new ActivityEntry(ActivityKind.SYMPOSIUM, LocalDate.now(), null, null, null, null));
        return activitiesPage(campaign, orgId, model, Map.of());
    }

    @PostMapping("/survey/activities")
    String record(@RequestParam long campaign, @RequestParam long org, @Valid ActivityEntry form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return activitiesPage(campaign, org, model, messages.fieldErrors(binding));
        }
        try {
            activities.record(campaign, org, form);
            redirect.addFlashAttribute("success", messages.get("flash.activity.recorded"));
            return "redirect:/survey/activities?campaign=" + campaign + "&org=" + org;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return activitiesPage(campaign, org, model, Map.of());
        }
    }

    @PostMapping("/survey/activities/{id}/delete")
    String removeActivity(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                          RedirectAttributes redirect) {
        activities.remove(id);
        redirect.addFlashAttribute("success", messages.get("flash.activity.deleted"));
        return "redirect:/survey/activities?campaign=" + campaign + "&org=" + org;
    }

    private String activitiesPage(long campaign, long org, Model model, Map<String, String> errors) {
        CampaignView c = campaigns.get(campaign);
        model.addAttribute("c", c);
        model.addAttribute("gate", phaseWindows.gate(c, Phase.SURVEY));
        model.addAttribute("org", organizations.get(org));
        model.addAttribute("trail", organizations.trail(org));
        model.addAttribute("entries", activities.of(campaign, org));
        model.addAttribute("canWrite", guard.can(Permission.SURVEY_WRITE, org) && phaseWindows.gate(c, Phase.SURVEY).open());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("groups", EvaluatorGroup.values());
        model.addAttribute("errors", errors);
        return "survey/activities";
    }

    /** The report's page; a superior who chose to fill it in on the organisation's behalf stays in that mode. */
    private static String reportAddress(long campaign, long org, boolean onBehalf) {
        return "/survey/report?campaign=" + campaign + "&org=" + org + (onBehalf ? "&onBehalf=true" : "");
    }

    private String reportPage(ReportView r, ReportContent form, Model model) {
        if (!model.containsAttribute("onBehalf")) {
            model.addAttribute("onBehalf", false);
        }
        model.addAttribute("r", r);
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(r.campaignId()), Phase.SURVEY));
        model.addAttribute("form", form);
        model.addAttribute("stationForms", stationForms(r, form));
        model.addAttribute("trail", organizations.trail(r.organizationId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (r.type() == ReportType.RESEARCH) {
            model.addAttribute("figures", figures.summary(r.campaignId(), r.organizationId()));
        }
        return "survey/report";
    }

    private ReportContent formOf(ReportView r) {
        return new ReportContent(r.basicSituation(), r.mainProblems(), r.causes(), r.measures(), r.meetingOn(),
                r.meetingAttendance(), r.id() == null ? null : r.version(),
                r.stations().stream().map(SurveyPageController::entryOf).toList());
    }

    /** The station entries as the form shows them, one per hosted station in the page's order: as typed, else stored. */
    private static List<StationEntry> stationForms(ReportView r, ReportContent form) {
        List<StationEntry> typed = form.stations() == null ? List.of() : form.stations();
        return r.stations().stream()
                .map(s -> typed.stream().filter(e -> e != null && e.stationId() != null && e.stationId() == s.stationId())
                        .findFirst().orElseGet(() -> form.stations() == null ? entryOf(s)
                                : new StationEntry(s.stationId(), null, null, null, null, null, null, null)))
                .toList();
    }

    private static StationEntry entryOf(ReportView.StationEntryView s) {
        return new StationEntry(s.stationId(), s.operation(), s.staffing(), s.resources(), s.funding(), s.assessment(),
                s.effect(), s.extension());
    }

}
