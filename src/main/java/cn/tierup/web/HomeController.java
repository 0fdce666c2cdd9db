package cn.tierup.web;

import cn.tierup.organization.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the user's organisation and the figures of its subtree. */
@Controller
class HomeController {

    private final OrganizationService organizations;

    HomeController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("org", organizations.home());
        model.addAttribute("summary", organizations.summary(null));
        return "home";
    }
}
