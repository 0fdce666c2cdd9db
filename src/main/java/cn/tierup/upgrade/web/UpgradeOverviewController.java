package cn.tierup.upgrade.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import cn.tierup.upgrade.GoalStatus;
import cn.tierup.upgrade.UpgradeFigures;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 晋位升级 under an organisation: the totals and one line per organisation, filtered. */
@Controller
class UpgradeOverviewController {

    private final UpgradeFigures figures;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final Messages messages;

    UpgradeOverviewController(UpgradeFigures figures, CampaignService campaigns, ScopeGuard guard, Messages messages) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/upgrade")
    String overview(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org,
                    @RequestParam(required = false) Grade level, @RequestParam(required = false) GoalStatus goal,
                    @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long home = guard.currentUser().organizationId();
        long orgId = org == null ? home : org;
        model.addAttribute("c", c);
        model.addAttribute("orgId", orgId);
        model.addAttribute("o", figures.overview(c.id(), orgId));
        model.addAttribute("rows", figures.list(c.id(), orgId, level, goal, overdue, page, 30));
        model.addAttribute("filter", Map.of("level", level == null ? "" : level.name(), "goal", goal == null ? "" : goal.name(),
                "overdue", overdue));
        model.addAttribute("levels", Grade.values());
        model.addAttribute("goalStatuses", GoalStatus.values());
        model.addAttribute("ownPart", c.rootOrganizationId() != home);
        return "upgrade/overview";
    }
}
