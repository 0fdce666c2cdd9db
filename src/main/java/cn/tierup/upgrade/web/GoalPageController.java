package cn.tierup.upgrade.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.grading.GradeRegister;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Messages;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 争创目标 page of an organisation, or of a station it hosts ({@code /upgrade/stations/{station}/goal}): written
 * and handed in by the organisation, approved or returned by its authority.
 */
@Controller
class GoalPageController {

    private final UpgradeGoals goals;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final GradeRegister register;
    private final Messages messages;

    GoalPageController(UpgradeGoals goals, ScopeGuard guard, FormOutcome outcome, CampaignService campaigns,
            PhaseWindows phaseWindows, GradeRegister register, Messages messages) {
        this.register = register;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.goals = goals;
        this.guard = guard;
        this.outcome = outcome;
        this.messages = messages;
    }

    @GetMapping("/upgrade/goal")
    String goal(@RequestParam long campaign, @RequestParam(required = false) Long org,
                @RequestParam(defaultValue = "false") boolean onBehalf, Model model) {
        return show(SubjectLinks.of(campaign, org == null ? guard.currentUser().organizationId() : org, null), onBehalf, model);
    }

    @GetMapping("/upgrade/stations/{station}/goal")
    String stationGoal(@PathVariable long station, @RequestParam long campaign,
                       @RequestParam(defaultValue = "false") boolean onBehalf, Model model) {
        return show(SubjectLinks.of(campaign, null, station), onBehalf, model);
    }

    @PostMapping("/upgrade/goal")
    String save(@RequestParam long campaign, @RequestParam long org, @RequestParam(defaultValue = "save") String action,
                @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        return save(SubjectLinks.of(campaign, org, null), action, params, model, redirect);
    }

    @PostMapping("/upgrade/stations/{station}/goal")
    String saveStation(@PathVariable long station, @RequestParam long campaign,
                       @RequestParam(defaultValue = "save") String action, @RequestParam Map<String, String> params,
                       Model model, RedirectAttributes redirect) {
        return save(SubjectLinks.of(campaign, null, station), action, params, model, redirect);
    }

    @PostMapping("/upgrade/goal/approve")
    String approve(@RequestParam long campaign, @RequestParam long org, @Valid @ModelAttribute("decision") UpgradeApi.Version form,
                   RedirectAttributes redirect) {
        return approve(SubjectLinks.of(campaign, org, null), form, redirect);
    }

    @PostMapping("/upgrade/stations/{station}/goal/approve")
    String approveStation(@PathVariable long station, @RequestParam long campaign,
                          @Valid @ModelAttribute("decision") UpgradeApi.Version form, RedirectAttributes redirect) {
        return approve(SubjectLinks.of(campaign, null, station), form, redirect);
    }

    @PostMapping("/upgrade/goal/return")
    String returnGoal(@RequestParam long campaign, @RequestParam long org, @Valid @ModelAttribute("decision") UpgradeApi.Reason form,
                      RedirectAttributes redirect) {
        return returnGoal(SubjectLinks.of(campaign, org, null), form, redirect);
    }

    @PostMapping("/upgrade/stations/{station}/goal/return")
    String returnStationGoal(@PathVariable long station, @RequestParam long campaign,
                             @Valid @ModelAttribute("decision") UpgradeApi.Reason form, RedirectAttributes redirect) {
        return returnGoal(SubjectLinks.of(campaign, null, station), form, redirect);
    }

    @PostMapping("/upgrade/goal/convert")
    String convert(@RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return convert(SubjectLinks.of(campaign, org, null), redirect);
    }

    @PostMapping("/upgrade/stations/{station}/goal/convert")
    String convertStation(@PathVariable long station, @RequestParam long campaign, RedirectAttributes redirect) {
        return convert(SubjectLinks.of(campaign, null, station), redirect);
    }

    // ---- the same for both subjects ----------------------------------------------------------------

    private String show(SubjectLinks at, boolean onBehalf, Model model) {
        model.addAttribute("onBehalf", onBehalf);
        GoalView g = goals.get(at.campaign(), at.subject());
        return page(g, GoalFields.of(g), model);
    }

    private String save(SubjectLinks at, String action, Map<String, String> params, Model model, RedirectAttributes redirect) {
        GoalFields typed = GoalFields.read(params);
        boolean onBehalf = "true".equals(params.get("onBehalf"));
        model.addAttribute("onBehalf", onBehalf);
        return outcome.orShow(model, redirect, at.goal("") + (onBehalf ? "&onBehalf=true" : ""), () -> {
            if ("submit".equals(action)) {
                goals.submit(at.campaign(), at.subject(), typed.toForm());
                return outcome.say("goal.ok.submitted");
            }
            goals.save(at.campaign(), at.subject(), typed.toForm());
            return outcome.say("goal.ok.saved");
        }, () -> page(goals.get(at.campaign(), at.subject()), typed.withSpareRows(), model));
    }

    private String approve(SubjectLinks at, UpgradeApi.Version form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, at.goal(""), () -> {
            goals.approve(at.campaign(), at.subject(), form.version());
            return outcome.say("goal.ok.approved");
        });
    }

    private String returnGoal(SubjectLinks at, UpgradeApi.Reason form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, at.goal(""), () -> {
            goals.returnForRevision(at.campaign(), at.subject(), form.reason(), form.version());
            return outcome.say("goal.ok.returned");
        });
    }

    private String convert(SubjectLinks at, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, at.goal(""), () -> {
            goals.markConverted(at.campaign(), at.subject());
            return outcome.say("goal.ok.converted");
        });
    }

    private String page(GoalView g, GoalFields typed, Model model) {
        if (!model.containsAttribute("onBehalf")) {
            model.addAttribute("onBehalf", false);
        }
        model.addAttribute("g", g);
        model.addAttribute("at", SubjectLinks.of(g));
        model.addAttribute("whose", g.station() ? messages.get("upgrade.station.heading", g.stationName(), g.organizationName())
                : g.organizationName());
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(g.campaignId()), Phase.UPGRADE));
        model.addAttribute("rows", typed.rows());
        model.addAttribute("level", typed.modelLevel());
        model.addAttribute("statement", typed.statement());
        model.addAttribute("levels", ModelLevel.values());
        // 上年等次 beside this year's grade: the goal of the new year starts from last year's 年末审定 (an organisation's)
        model.addAttribute("previousYearEnd", g.station() ? null
                : register.previousYearEnd(g.campaignId(), g.organizationId()).orElse(null));
        return "upgrade/goal";
    }
}
