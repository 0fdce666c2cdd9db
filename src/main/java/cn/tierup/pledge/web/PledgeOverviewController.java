package cn.tierup.pledge.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.PledgeExports;
import cn.tierup.pledge.PledgeFigures;
import cn.tierup.pledge.internal.PledgeFigurePages;
import cn.tierup.shared.KeptFigures;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 公开承诺 under an organisation: the figures per unit and their Excel table. */
@Controller
class PledgeOverviewController {

    private final PledgeFigurePages figures;
    private final PledgeExports exports;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final Messages messages;

    PledgeOverviewController(PledgeFigurePages figures, PledgeExports exports, CampaignService campaigns, ScopeGuard guard,
                             Messages messages) {
        this.figures = figures;
        this.exports = exports;
        this.campaigns = campaigns;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/pledges/overview")
    String overview(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long home = guard.currentUser().organizationId();
        long orgId = org == null ? home : org;
        KeptFigures.Kept<PledgeFigures.Summary> kept = figures.page(c.id(), orgId);
        PledgeFigures.Summary s = kept.value();
        if (s.organizations().isEmpty() && org == null && c.rootOrganizationId() != orgId) {
            // a branch has nothing below it to count: its own pledges are what it came for
            return "redirect:/pledges?campaign=" + c.id();
        }
        model.addAttribute("c", c);
        model.addAttribute("orgId", orgId);
        model.addAttribute("s", s);
        model.addAttribute("kept", kept);
        model.addAttribute("ownPart", c.rootOrganizationId() != home);
        return "pledges/overview";
    }

    @GetMapping("/pledges/overview.xlsx")
    ResponseEntity<byte[]> overviewXlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        cn.tierup.shared.xlsx.Workbook w = exports.summary(campaign, org == null ? guard.currentUser().organizationId() : org);
        return Downloads.xlsx(w.fileName(), w.bytes());
    }
}
