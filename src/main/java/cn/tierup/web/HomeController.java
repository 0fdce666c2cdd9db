package cn.tierup.web;

import cn.tierup.campaign.CampaignDesk;
import cn.tierup.identity.AccountService;
import cn.tierup.organization.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the user's organisation and the figures of its subtree, what it owes in the campaign, and for
 * those who manage accounts, sustained wrong passwords against them.
 */
@Controller
class HomeController {

    private final OrganizationService organizations;
    private final CampaignDesk desk;
    private final AccountService accounts;

    HomeController(OrganizationService organizations, CampaignDesk desk, AccountService accounts) {
        this.organizations = organizations;
        this.desk = desk;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("org", organizations.home());
        model.addAttribute("summary", organizations.summary(null));
        model.addAttribute("desk", desk.desk().orElse(null));
        model.addAttribute("loginAlerts", accounts.loginAlerts());
        return "home";
    }
}
