package cn.tierup.reporting.web;

import cn.tierup.organization.OrganizationService;
import cn.tierup.reporting.Cockpit;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cockpit page (工作看板) of an organisation's subtree: the frame of its blocks, each filled by the browser from
 * {@link DashboardApi}; and the same for a wall screen — no menus, larger type, refreshing itself.
 */
@Controller
class DashboardController {

    /** How often the wall screen fetches its blocks again. */
    static final int REFRESH_MINUTES = 3;

    private final Cockpit cockpit;
    private final OrganizationService organizations;

    DashboardController(Cockpit cockpit, OrganizationService organizations) {
        this.cockpit = cockpit;
        this.organizations = organizations;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam long campaign, @RequestParam(required = false) Long org,
                @RequestParam(required = false) String screen, Model model) {
        fill(campaign, org, model);
        return "big".equals(screen) ? "dashboard/screen" : "dashboard/cockpit";
    }

    @GetMapping("/dashboard/screen")
    String screen(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        fill(campaign, org, model);
        return "dashboard/screen";
    }

    private void fill(long campaign, Long org, Model model) {
        Cockpit.Subject s = cockpit.subject(campaign, org);
        model.addAttribute("c", s.campaign());
        model.addAttribute("org", s.organization());
        model.addAttribute("trail", organizations.trail(s.organization().id()));
        model.addAttribute("blocks", Arrays.asList(Cockpit.BlockKind.values()));
        model.addAttribute("refreshMinutes", REFRESH_MINUTES);
        // the wall screen's clock says the offices' time (OfficeTimeZone), whatever zone the screen's computer keeps
        model.addAttribute("zone", java.util.TimeZone.getDefault().getID());
    }
}
