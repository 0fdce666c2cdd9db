package cn.tierup.upgrade.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.web.FormOutcome;
import cn.tierup.upgrade.GoalView;
import cn.tierup.upgrade.ModelLevel;
import cn.tierup.upgrade.UpgradeGoals;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation's 争创目标 page: written and handed in by it, approved or returned by its authority. */
@Controller
class GoalPageController {

    private final UpgradeGoals goals;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final cn.tierup.grading.GradeRegister register;

    GoalPageController(UpgradeGoals goals, ScopeGuard guard, FormOutcome outcome, CampaignService campaigns,
            PhaseWindows phaseWindows, cn.tierup.grading.GradeRegister register) {
        this.register = register;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.goals = goals;
        this.guard = guard;
        this.outcome = outcome;
    }

    @GetMapping("/upgrade/goal")
    String goal(@RequestParam long campaign, @RequestParam(required = false) Long org,
                @RequestParam(defaultValue = "false") boolean onBehalf, Model model) {
        model.addAttribute("onBehalf", onBehalf);
        GoalView g = goals.get(campaign, org == null ? guard.currentUser().organizationId() : org);
        return page(g, GoalFields.of(g), model);
    }

    @PostMapping("/upgrade/goal")
    String save(@RequestParam long campaign, @RequestParam long org, @RequestParam(defaultValue = "save") String action,
                @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        GoalFields typed = GoalFields.read(params);
        boolean onBehalf = "true".equals(params.get("onBehalf"));
        model.addAttribute("onBehalf", onBehalf);
        return outcome.orShow(model, redirect, goalPage(campaign, org) + (onBehalf ? "&onBehalf=true" : ""), () -> {
            if ("submit".equals(action)) {
                goals.submit(campaign, org, typed.toForm());
                return outcome.say("goal.ok.submitted");
            }
            goals.save(campaign, org, typed.toForm());
            return outcome.say("goal.ok.saved");
        }, () -> page(goals.get(campaign, org), typed.withSpareRows(), model));
    }

    @PostMapping("/upgrade/goal/approve")
    String approve(@RequestParam long campaign, @RequestParam long org, @Valid @ModelAttribute("decision") UpgradeApi.Version form,
                   RedirectAttributes redirect) {
        return outcome.orFlash(redirect, goalPage(campaign, org), () -> {
            goals.approve(campaign, org, form.version());
            return outcome.say("goal.ok.approved");
        });
    }

    @PostMapping("/upgrade/goal/return")
    String returnGoal(@RequestParam long campaign, @RequestParam long org, @Valid @ModelAttribute("decision") UpgradeApi.Reason form,
                      RedirectAttributes redirect) {
        return outcome.orFlash(redirect, goalPage(campaign, org), () -> {
            goals.returnForRevision(campaign, org, form.reason(), form.version());
            return outcome.say("goal.ok.returned");
        });
    }

    @PostMapping("/upgrade/goal/convert")
    String convert(@RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, goalPage(campaign, org), () -> {
            goals.markConverted(campaign, org);
            return outcome.say("goal.ok.converted");
        });
    }

    private static String goalPage(long campaign, long org) {
        return "/upgrade/goal?campaign=" + campaign + "&org=" + org;
    }

    private String page(GoalView g, GoalFields typed, Model model) {
        if (!model.containsAttribute("onBehalf")) {
            model.addAttribute("onBehalf", false);
        }
        model.addAttribute("g", g);
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(g.campaignId()), Phase.UPGRADE));
        model.addAttribute("rows", typed.rows());
        model.addAttribute("level", typed.modelLevel());
        model.addAttribute("statement", typed.statement());
        model.addAttribute("levels", ModelLevel.values());
        // 上年等次 beside this year's grade: the goal of the new year starts from last year's 年末审定
        model.addAttribute("previousYearEnd", register.previousYearEnd(g.campaignId(), g.organizationId()).orElse(null));
        return "upgrade/goal";
    }
}
