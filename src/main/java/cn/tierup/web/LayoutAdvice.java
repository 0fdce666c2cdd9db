package cn.tierup.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import jakarta.servlet.http.HttpServletRequest;
import cn.tierup.shared.web.PublicPage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
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

    /**
     * Everything the layout draws, put in the model once before a page's handler runs: not for the JSON API, nor for
     * the pages anyone opens without an account ({@link PublicPage}), which the layout never draws.
     */
    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && withoutLayout.computeIfAbsent(handler.getBeanType(), LayoutAdvice::withoutLayout)) {
            return;
        }
        fill(model, request);
    }

    private final Map<Class<?>, Boolean> withoutLayout = new ConcurrentHashMap<>();

    private static boolean withoutLayout(Class<?> controller) {
        return AnnotatedElementUtils.hasAnnotation(controller, RestController.class)
                || AnnotatedElementUtils.hasAnnotation(controller, PublicPage.class);
    }

    CurrentUser me() {
        return guard.currentUserIfAny().orElse(null);
    }

    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The campaign the menu's links open: the one this page shows, else the one the user chose last (or none). */
    Long menuCampaign(HttpServletRequest request) {
        Long shown = request.getAttribute(CampaignChoice.CAMPAIGN_PAGE) != null ? CampaignChoice.requested(request) : null;
        return shown != null ? shown : CampaignChoice.remembered(request);
    }

    /** On a page of the campaign: each year the user may open, linking to this same page in that year. */
    List<YearChoice> yearSwitch(HttpServletRequest request) {
        Long shown = CampaignChoice.requested(request);
        if (request.getAttribute(CampaignChoice.CAMPAIGN_PAGE) == null || shown == null
                || guard.currentUserIfAny().filter(u -> u.has(Permission.CAMPAIGN_READ)).isEmpty()) {
            return List.of();
        }
        return choices(campaigns.list(), shown, id -> CampaignChoice.withCampaign(request, id));
    }

    /** The switcher's years for campaigns listed newest first, the one shown marked, each linking by {@code href}. */
    static List<YearChoice> choices(List<CampaignView> all, long shown, java.util.function.LongFunction<String> href) {
        // where campaigns of more than one root are listed (a town's own beside the city's), each says whose it is
        boolean severalRoots = all.stream().map(CampaignView::rootOrganizationId).distinct().count() > 1;
        List<YearChoice> choices = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            CampaignView c = all.get(i);
            boolean selected = c.id() == shown;
            // the latest few stay in sight, earlier years fold away: a phone's screen is not a list of twenty years
            choices.add(new YearChoice(c.id(), c.year(), c.name(), c.rootName(), href.apply(c.id()), selected, c.finished(),
                    severalRoots, !selected && i >= YEARS_IN_SIGHT));
        }
        return choices;
    }

    /** How many of the newest campaigns the switcher shows before folding the rest under 更早年度. */
    static final int YEARS_IN_SIGHT = 4;

    /**
     * The layout's model; also for a page an exception handler answers (they get none of this advice's attributes):
     * the address help keeps the menu and the year switcher, so the user can go on from there.
     */
    void fill(Model model, HttpServletRequest request) {
        model.addAttribute("me", me());
        model.addAttribute("requestPath", requestPath(request));
        model.addAttribute("menuCampaign", menuCampaign(request));
        model.addAttribute("yearSwitch", yearSwitch(request));
    }

    /**
     * One year in the switcher; {@code shared} when campaigns of other roots are listed too (a town's own); {@code folded}
     * when it is listed under 更早年度.
     */
    record YearChoice(long id, int year, String name, String rootName, String href, boolean selected, boolean finished,
                      boolean shared, boolean folded) {
    }
}
