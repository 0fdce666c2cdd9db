package cn.tierup.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The year a user works in, kept while they move between pages. A page of the campaign is one whose handler reads
 * the parameter {@code campaign}; opened without it (from the menu, or a bare address) it is sent on to the same
 * address with the campaign {@link CampaignService#select} decides — the one of {@code ?year=} if given, else the
 * one the user last opened, else the current one — so the address always names the year and a shared link opens
 * the same year. A campaign page that opened (2xx) is remembered in the session as the user's choice.
 *
 * <p>The home page is left alone: it shows the current phase, with earlier years' open work beside it.
 */
@Component
class CampaignChoice implements HandlerInterceptor {

    /** The session's remembered campaign id. */
    static final String REMEMBERED = "tierup.campaign";
    /** Set on requests for a page of the campaign: the layout shows the year switcher there. */
    static final String CAMPAIGN_PAGE = CampaignChoice.class.getName() + ".page";

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}");

    private final CampaignService campaigns;
    private final Map<HandlerMethod, Boolean> readsCampaign = new ConcurrentHashMap<>();

    CampaignChoice(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method) || !isCampaignPage(method)
                || "/".equals(request.getRequestURI())) {
            return true;
        }
        request.setAttribute(CAMPAIGN_PAGE, Boolean.TRUE);
        String given = request.getParameter("campaign");
        if (given != null && !given.isBlank()) {
            return true;
        }
        Optional<CampaignView> chosen = campaigns.select(null, number(request.getParameter("year")), remembered(request));
        if (chosen.isEmpty()) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + withCampaign(request, chosen.get().id()));
        return false;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        if (request.getAttribute(CAMPAIGN_PAGE) == null || response.getStatus() >= 300) {
            return;
        }
        Long id = longOf(request.getParameter("campaign"));
        HttpSession session = request.getSession(false);
        if (id != null && session != null && !id.equals(session.getAttribute(REMEMBERED))) {
            session.setAttribute(REMEMBERED, id);
        }
    }

    /** The campaign the user chose last, or null. */
    static Long remembered(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(REMEMBERED) instanceof Long id ? id : null;
    }

    /** The campaign this request opens: its {@code campaign} parameter, or null. */
    static Long requested(HttpServletRequest request) {
        return longOf(request.getParameter("campaign"));
    }

    /** This request's address (path and query) with another campaign, without a year or a page number. */
    static String withCampaign(HttpServletRequest request, long campaign) {
        String query = request.getQueryString();
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        try {
            return UriComponentsBuilder.fromUriString(uri + (query == null ? "" : "?" + query))
                    .replaceQueryParam("campaign", campaign).replaceQueryParam("year").replaceQueryParam("page")
                    .build(true).toUriString();
        } catch (IllegalArgumentException e) {
            // a hand-typed query with characters left unencoded: keep the page, leave the rest of the query out
            return uri + "?campaign=" + campaign;
        }
    }

    private boolean isCampaignPage(HandlerMethod method) {
        return readsCampaign.computeIfAbsent(method, m -> !AnnotatedElementUtils.hasAnnotation(m.getBeanType(), RestController.class)
                && AddressHelp.reads(m, "campaign"));
    }

    private static Long longOf(String s) {
        return s != null && DECIMAL.matcher(s.strip()).matches() ? Long.valueOf(s.strip()) : null;
    }

    private static Integer number(String s) {
        return s != null && s.strip().matches("\\d{4}") ? Integer.valueOf(s.strip()) : null;
    }
}
