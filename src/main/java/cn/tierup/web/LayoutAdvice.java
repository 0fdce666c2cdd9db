package cn.tierup.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the logged-in user (for the header and the menu), the current path, the campaign the menu's links
 * open (the year the user chose) and, on the pages of the campaign, the year switcher.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final ScopeGuard guard;
    private final CampaignService campaigns;

    LayoutAdvice(ScopeGuard guard, CampaignService campaigns) {
        this.guard = guard;
        this.campaigns = campaigns;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return guard.currentUserIfAny().orElse(null);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The campaign the menu's links open: the one this page shows, else the one the user chose last (or none). */
    @ModelAttribute("menuCampaign")
    Long menuCampaign(HttpServletRequest request) {
        Long shown = request.getAttribute(CampaignChoice.CAMPAIGN_PAGE) != null ? CampaignChoice.requested(request) : null;
        return shown != null ? shown : CampaignChoice.remembered(request);
    }

    /** On a page of the campaign: each year the user may open, linking to this same page in that year. */
    @ModelAttribute("yearSwitch")
    List<YearChoice> yearSwitch(HttpServletRequest request) {
        Long shown = CampaignChoice.requested(request);
        if (request.getAttribute(CampaignChoice.CAMPAIGN_PAGE) == null || shown == null
                || guard.currentUserIfAny().filter(u -> u.has(Permission.CAMPAIGN_READ)).isEmpty()) {
            return List.of();
        }
        List<CampaignView> all = campaigns.list();
        // where campaigns of more than one root are listed (a town's own beside the city's), each says whose it is
        boolean severalRoots = all.stream().map(CampaignView::rootOrganizationId).distinct().count() > 1;
        return all.stream().map(c -> new YearChoice(c.id(), c.year(), c.name(), c.rootName(),
                CampaignChoice.withCampaign(request, c.id()), c.id() == shown, c.finished(), severalRoots)).toList();
    }

    /**
     * The same for a page an exception handler answers (they get none of this advice's attributes): the address help
     * keeps the menu and the year switcher, so the user can go on from there.
     */
    void fill(org.springframework.ui.Model model, HttpServletRequest request) {
        model.addAttribute("me", me());
        model.addAttribute("requestPath", requestPath(request));
        model.addAttribute("menuCampaign", menuCampaign(request));
        model.addAttribute("yearSwitch", yearSwitch(request));
    }

    /** One year in the switcher; {@code shared} when campaigns of other roots are listed too (a town's own). */
    record YearChoice(long id, int year, String name, String rootName, String href, boolean selected, boolean finished,
                      boolean shared) {
    }
}
