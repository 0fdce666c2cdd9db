package cn.tierup.reporting.web;

import cn.tierup.organization.OrganizationService;
import cn.tierup.reporting.Bulletins;
import cn.tierup.reporting.Cockpit;
import cn.tierup.shared.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 情况通报 page, linked from the cockpit: an organisation's bulletins in the campaign, each to download as issued,
 * and for a superior on its own page the form that issues the next one after a confirmation (which works without
 * JavaScript: the confirmation is a disclosure holding the form).
 */
@Controller
class BulletinsController {

    private final Bulletins bulletins;
    private final Cockpit cockpit;
    private final OrganizationService organizations;
    private final Messages messages;

    BulletinsController(Bulletins bulletins, Cockpit cockpit, OrganizationService organizations, Messages messages) {
        this.bulletins = bulletins;
        this.cockpit = cockpit;
        this.organizations = organizations;
        this.messages = messages;
    }

    @GetMapping("/dashboard/bulletins")
    String page(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        Cockpit.Subject s = cockpit.subject(campaign, org);
        model.addAttribute("c", s.campaign());
        model.addAttribute("org", s.organization());
        model.addAttribute("trail", organizations.trail(s.organization().id()));
        model.addAttribute("listing", bulletins.list(campaign, s.organization().id()));
        model.addAttribute("today", java.time.LocalDate.now());
        return "dashboard/bulletins";
    }

    @PostMapping("/dashboard/bulletins")
    String issue(@RequestParam long campaign, @RequestParam int number, RedirectAttributes redirect) {
        Bulletins.Entry e = bulletins.issue(campaign, number);
        redirect.addFlashAttribute("success", messages.get("dashboard.bulletin.issued", e.numberLabel()));
        return "redirect:/dashboard/bulletins?campaign=" + campaign;
    }
}
