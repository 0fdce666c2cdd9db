package cn.tierup.reporting.web;

import cn.tierup.organization.OrganizationService;
import cn.tierup.reporting.Cockpit;
import cn.tierup.reporting.Trends;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 历年对比 page, linked from the cockpit: one block, fetched and drawn by the cockpit's script. */
@Controller
class TrendsController {

    private final Cockpit cockpit;
    private final OrganizationService organizations;

    TrendsController(Cockpit cockpit, OrganizationService organizations) {
        this.cockpit = cockpit;
        this.organizations = organizations;
    }

    @GetMapping("/dashboard/trends")
    String page(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        Cockpit.Subject s = cockpit.subject(campaign, org);
        model.addAttribute("c", s.campaign());
        model.addAttribute("org", s.organization());
        model.addAttribute("trail", organizations.trail(s.organization().id()));
        model.addAttribute("block", Trends.KEY);
        return "dashboard/trends";
    }
}
