package cn.tierup.web;

import cn.tierup.campaign.CampaignDesk;
import cn.tierup.identity.AccountService;
import cn.tierup.memberhome.MemberHome;
import cn.tierup.organization.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: the user's organisation and the figures of its subtree, what it owes in the campaign's current
 * phase, what comes next and when, what earlier years left open in its subtree (the root: every phase's totals), and for
 * those who manage accounts, sustained wrong passwords against them. A party member's home is their own branch
 * read-only ({@link MemberHome}), a page of its own.
 */
@Controller
class HomeController {

    private final OrganizationService organizations;
    private final CampaignDesk desk;
    private final AccountService accounts;
    private final MemberHome memberHome;

    HomeController(OrganizationService organizations, CampaignDesk desk, AccountService accounts, MemberHome memberHome) {
        this.organizations = organizations;
        this.desk = desk;
        this.accounts = accounts;
        this.memberHome = memberHome;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Long campaign, Model model) {
        if (memberHome.applies()) {
            model.addAttribute("home", memberHome.view(campaign, null));
            return "memberhome/home";
        }
        model.addAttribute("org", organizations.home());
        var summary = organizations.summaryCounted(null);
        model.addAttribute("summary", summary.value());
        model.addAttribute("summaryKept", summary.ifKept());
        var mine = desk.desk(campaign).orElse(null);
        model.addAttribute("desk", mine);
        model.addAttribute("outlook", mine == null ? null : desk.outlook(mine.campaign()));
        model.addAttribute("loginAlerts", accounts.loginAlerts());
        return "home";
    }
}
