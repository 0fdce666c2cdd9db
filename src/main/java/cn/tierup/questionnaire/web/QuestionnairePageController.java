package cn.tierup.questionnaire.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.questionnaire.AnswerMode;
import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireView;
import cn.tierup.questionnaire.QuotaPolicy;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Office pages of questionnaires: launch, link and QR poster, codes, progress against the quota, statistics. */
@Controller
class QuestionnairePageController {

    private final QuestionnaireService questionnaires;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;

    QuestionnairePageController(QuestionnaireService questionnaires, CampaignService campaigns,
                                OrganizationService organizations, ScopeGuard guard, Messages messages) {
        this.questionnaires = questionnaires;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/questionnaires")
    String list(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("c", c);
        model.addAttribute("org", organizations.get(orgId));
        model.addAttribute("items", questionnaires.list(c.id(), orgId));
        model.addAttribute("canLaunch", guard.can(Permission.SURVEY_WRITE, orgId));
        return "questionnaires/list";
    }

    @GetMapping("/questionnaires/new")
    String launchForm(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        guard.require(Permission.SURVEY_WRITE, orgId);
        CampaignView c = campaigns.get(campaign);
        QuotaPolicy.Quota quota = questionnaires.defaultQuota(orgId);
        model.addAttribute("c", c);
        model.addAttribute("org", organizations.get(orgId));
        var templates = questionnaires.templates();
        model.addAttribute("templates", templates);
        // the field's shipped questionnaire (a town's is the village one) is chosen unless the user picks another
        String field = organizations.get(orgId).field().name();
        String wanted = "TOWN".equals(field) ? "VILLAGE" : field;
        model.addAttribute("defaultTemplateId", templates.stream().filter(t -> wanted.equals(t.getField())).findFirst()
                .map(cn.tierup.questionnaire.QuestionnaireTemplate::getId).orElse(null));
        model.addAttribute("quota", quota);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("closes", c.phases().get(cn.tierup.campaign.Phase.SURVEY).endsOn());
        model.addAttribute("modes", AnswerMode.values());
        return "questionnaires/new";
    }

    @PostMapping("/questionnaires")
    String launch(@RequestParam long campaign, @RequestParam long org, @RequestParam(required = false) Long templateId,
                  @RequestParam(defaultValue = "OPEN") AnswerMode mode,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                  @RequestParam(required = false) Integer quotaMinimum, @RequestParam(required = false) Integer quotaMemberShare,
                  Model model, RedirectAttributes redirect) {
        try {
            if (templateId == null) {
                throw new DomainException("questionnaire.empty");
            }
            var launched = questionnaires.launch(campaign, org, templateId, mode, opensOn, closesOn, quotaMinimum,
                    quotaMemberShare);
            QuestionnaireView q = launched.questionnaire();
            if (launched.closingKey() != null) {
                // shown on the answer to the launch itself, never again
                model.addAttribute("q", q);
                model.addAttribute("closingKey", launched.closingKey());
                model.addAttribute("keyQr", cn.tierup.shared.QrCodes.dataUrl(launched.closingKey(), 160));
                return "questionnaires/key";
            }
            redirect.addFlashAttribute("success", messages.get("flash.questionnaire.published"));
            return "redirect:/questionnaires/" + q.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:/questionnaires/new?campaign=" + campaign + "&org=" + org;
        }
    }

    @GetMapping("/questionnaires/{id}")
    String detail(@PathVariable long id, HttpServletRequest request, Model model) {
        QuestionnaireView q = questionnaires.get(id);
        model.addAttribute("q", q);
        model.addAttribute("link", link(q));
        var stats = questionnaires.statistics(id);
        model.addAttribute("stats", stats);
        var labels = stats.categories().stream().map(c -> messages.get(stats.audience().labelKey(c))).toList();
        model.addAttribute("categoryLabels", labels);
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            parts.add(labels.get(i) + " " + stats.respondents(stats.categories().get(i)) + " 人");
        }
        model.addAttribute("categoryLine", String.join("，", parts));
        model.addAttribute("trail", organizations.trail(q.organizationId()));
        model.addAttribute("canWrite", guard.can(Permission.SURVEY_WRITE, q.organizationId()));
        return "questionnaires/detail";
    }

    @GetMapping("/questionnaires/rollup")
    String rollup(@RequestParam long campaign, @RequestParam(required = false) Long org, @RequestParam long template,
                  Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        var r = questionnaires.rollup(campaign, orgId, template);
        model.addAttribute("r", r);
        model.addAttribute("stats", r.statistics());
        model.addAttribute("trail", organizations.trail(orgId));
        var labels = r.statistics().categories().stream().map(c -> messages.get(r.statistics().audience().labelKey(c))).toList();
        model.addAttribute("categoryLabels", labels);
        model.addAttribute("campaign", campaign);
        model.addAttribute("org", orgId);
        model.addAttribute("template", template);
        return "questionnaires/rollup";
    }

    @GetMapping("/questionnaires/{id}/poster")
    String poster(@PathVariable long id, Model model) {
        QuestionnaireView q = questionnaires.get(id);
        model.addAttribute("q", q);
        model.addAttribute("link", link(q));
        return "questionnaires/poster";
    }

    @GetMapping(value = "/questionnaires/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable long id) {
        QuestionnaireView q = questionnaires.get(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(cn.tierup.shared.QrCodes.png(link(q), 600));
    }

    @PostMapping("/questionnaires/{id}/codes")
    String codes(@PathVariable long id, @RequestParam(defaultValue = "0") int count, Model model, RedirectAttributes redirect) {
        QuestionnaireView q = questionnaires.get(id);
        try {
            model.addAttribute("codes", questionnaires.issueCodes(id, count));
            model.addAttribute("q", q);
            model.addAttribute("link", link(q));
            return "questionnaires/codes";
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:/questionnaires/" + id;
        }
    }

    @PostMapping("/questionnaires/{id}/count")
    String count(@PathVariable long id, @RequestParam(required = false) String closingKey, RedirectAttributes redirect) {
        try {
            var result = questionnaires.count(id, closingKey);
            redirect.addFlashAttribute("success", result.unreadable() == 0
                    ? messages.get("questionnaire.sealed.done", result.counted())
                    : messages.get("questionnaire.sealed.unreadable", result.counted(), result.unreadable()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/questionnaires/" + id;
    }

    private static String link(QuestionnaireView q) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/q/" + q.slug()).toUriString();
    }
}
