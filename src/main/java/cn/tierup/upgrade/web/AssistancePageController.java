package cn.tierup.upgrade.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.web.FormOutcome;
import cn.tierup.upgrade.AssistanceKind;
import cn.tierup.upgrade.Assistances;
import cn.tierup.upgrade.UpgradeGoals;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation's 帮扶 page: the arrangements made for it and their visits. */
@Controller
class AssistancePageController {

    private final Assistances assistances;
    private final UpgradeGoals goals;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;

    AssistancePageController(Assistances assistances, UpgradeGoals goals, ScopeGuard guard, FormOutcome outcome, CampaignService campaigns,
            PhaseWindows phaseWindows) {
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.assistances = assistances;
        this.goals = goals;
        this.guard = guard;
        this.outcome = outcome;
    }

    @GetMapping("/upgrade/assistance")
    String assistancePage(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        return page(campaign, org == null ? guard.currentUser().organizationId() : org, AssistanceFields.EMPTY, model);
    }

    @PostMapping("/upgrade/assistance")
    String arrange(@RequestParam long campaign, @RequestParam long org, @ModelAttribute("typed") AssistanceFields form,
                   Model model, RedirectAttributes redirect) {
        return outcome.orShow(model, redirect, assistancePage(campaign, org), () -> {
            assistances.arrange(campaign, org, form.toForm());
            return outcome.say("assist.ok.arranged");
        }, () -> page(campaign, org, form, model));
    }

    @PostMapping("/upgrade/assistance/{id}/visits")
    String visit(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                 @ModelAttribute("typed") AssistanceFields.Visit form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, assistancePage(campaign, org), () -> {
            assistances.visit(id, form.toForm());
            return outcome.say("assist.ok.visited");
        });
    }

    private static String assistancePage(long campaign, long org) {
        return "/upgrade/assistance?campaign=" + campaign + "&org=" + org;
    }

    private String page(long campaign, long org, AssistanceFields typed, Model model) {
        var gate = phaseWindows.gate(campaigns.get(campaign), Phase.UPGRADE);
        boolean canWrite = gate.open() && assistances.canWrite(org);
        model.addAttribute("gate", gate);
        model.addAttribute("list", assistances.of(campaign, org));
        model.addAttribute("g", goals.get(campaign, org));
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("candidates", canWrite ? assistances.candidates(campaign, org) : List.of());
        model.addAttribute("kinds", AssistanceKind.values());
        model.addAttribute("form", typed);
        model.addAttribute("today", LocalDate.now());
        return "upgrade/assistance";
    }
}
