package cn.tierup.acceptance.web;

import cn.tierup.acceptance.WorkSummaries;
import cn.tierup.acceptance.WorkSummaryText;
import cn.tierup.acceptance.WorkSummaryView;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作总结 pages: the campaign's grading authorities with their summaries, and one summary with its figures. */
@Controller
class SummaryPageController {

    private final WorkSummaries summaries;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final ScopeGuard guard;
    private final Messages messages;

    SummaryPageController(WorkSummaries summaries, CampaignService campaigns, PhaseWindows phaseWindows, ScopeGuard guard,
                          Messages messages) {
        this.summaries = summaries;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/acceptance/summaries")
    String list(@RequestParam(required = false) Long campaign, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        model.addAttribute("c", c);
        model.addAttribute("rows", summaries.list(c.id()));
        model.addAttribute("myOrg", guard.currentUser().organizationId());
        model.addAttribute("gate", phaseWindows.gate(c, Phase.ACCEPTANCE));
        return "acceptance/summary-list";
    }

    @GetMapping("/acceptance/summaries/{campaign}/{authority}")
    String show(@PathVariable long campaign, @PathVariable long authority, Model model) {
        WorkSummaryView s = summaries.get(campaign, authority);
        return page(s, new WorkSummaryText(s.achievements(), s.problems(), s.plans(), s.version()), model);
    }

    @PostMapping("/acceptance/summaries/{campaign}/{authority}")
    String save(@PathVariable long campaign, @PathVariable long authority, @RequestParam(required = false) String achievements,
                @RequestParam(required = false) String problems, @RequestParam(required = false) String plans,
                @RequestParam(required = false) Long version, @RequestParam(defaultValue = "save") String action,
                Model model, RedirectAttributes redirect) {
        WorkSummaryText text = new WorkSummaryText(achievements, problems, plans, version);
        try {
            if ("handIn".equals(action)) {
                summaries.handIn(campaign, authority, text);
                redirect.addFlashAttribute("success", messages.get("acceptance.summary.handedIn"));
            } else {
                summaries.save(campaign, authority, text);
                redirect.addFlashAttribute("success", messages.get("acceptance.summary.saved"));
            }
            return "redirect:/acceptance/summaries/" + campaign + "/" + authority;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return page(summaries.get(campaign, authority), text, model);
        }
    }

    @PostMapping("/acceptance/summaries/{campaign}/{authority}/accept")
    String accept(@PathVariable long campaign, @PathVariable long authority, RedirectAttributes redirect) {
        try {
            summaries.accept(campaign, authority);
            redirect.addFlashAttribute("success", messages.get("acceptance.summary.accepted"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/acceptance/summaries/" + campaign + "/" + authority;
    }

    @PostMapping("/acceptance/summaries/{campaign}/{authority}/return")
    String returnForRevision(@PathVariable long campaign, @PathVariable long authority,
                             @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            summaries.returnForRevision(campaign, authority, reason);
            redirect.addFlashAttribute("success", messages.get("acceptance.summary.returned"));
            return "redirect:/acceptance/summaries/" + campaign + "/" + authority;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("reason", reason);
            WorkSummaryView s = summaries.get(campaign, authority);
            return page(s, new WorkSummaryText(s.achievements(), s.problems(), s.plans(), s.version()), model);
        }
    }

    private String page(WorkSummaryView s, WorkSummaryText form, Model model) {
        CampaignView c = campaigns.get(s.campaignId());
        model.addAttribute("s", s);
        model.addAttribute("f", s.figures());
        model.addAttribute("form", form);
        model.addAttribute("gate", phaseWindows.gate(c, Phase.ACCEPTANCE));
        model.addAttribute("department", s.addressee());
        return "acceptance/summary";
    }
}
