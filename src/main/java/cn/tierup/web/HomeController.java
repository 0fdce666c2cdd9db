package cn.tierup.web;

import cn.tierup.campaign.CampaignDesk;
import cn.tierup.organization.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the user's organisation and the figures of its subtree. */
@Controller
class HomeController {

    private final OrganizationService organizations;
    private final CampaignDesk desk;

    HomeController(OrganizationService organizations, CampaignDesk desk) {
        this.organizations = organizations;
        this.desk = desk;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("org", organizations.home());
        model.addAttribute("summary", organizations.summary(null));
        model.addAttribute("desk", desk.desk().orElse(null));
        return "home";
    }
}
