package cn.tierup.pledge.web;

import cn.tierup.shared.web.PublicPage;
import cn.tierup.pledge.PublicPledges;
import cn.tierup.shared.Satisfaction;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.crypto.BrowserTokens;
import cn.tierup.shared.web.PublicRefusal;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An organisation's public pledge page behind its short link: no account, plain forms that work
 * without JavaScript on a phone. Shows only what was published; takes suggestions while they are open
 * and one satisfaction rating per browser (a token the server issued with the page, in a cookie, kept only
 * as a hash once it has rated).
 */
@Controller
@PublicPage
class PublicPledgeController {

    private final PublicPledges pages;
    private final Messages messages;

    PublicPledgeController(PublicPledges pages, Messages messages) {
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/q/p/{slug}")
    String page(@PathVariable String slug, @RequestParam(required = false) String done, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        if ("suggested".equals(done)) {
            model.addAttribute("notice", messages.get("suggestion.thanks"));
        }
        return render(slug, request, response, model);
    }

    @PostMapping("/q/p/{slug}/suggest")
    String suggest(@PathVariable String slug, @RequestParam(required = false) String text, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        try {
            pages.suggest(slug, text, request.getRemoteAddr());
            // redirect after the post: a reload on the phone must not send the suggestion again
            return "redirect:/q/p/" + slug + "?done=suggested";
        } catch (DomainException e) {
            response.setStatus(PublicRefusal.status(e.code()));
            model.addAttribute("suggestError", messages.of(e));
            model.addAttribute("typed", text);
        }
        return render(slug, request, response, model);
    }

    @PostMapping("/q/p/{slug}/rate")
    String rate(@PathVariable String slug, @RequestParam(required = false) String choice,
                @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            String receipt = pages.rate(slug, choice, memberChoices(params), token(request, slug), request.getRemoteAddr());
            // answered here rather than redirected: the receipt is shown this once and kept nowhere, not even in a session
            model.addAttribute("notice", messages.get("rating.thanks"));
            model.addAttribute("receipt", messages.get("rating.receipt", receipt));
            model.addAttribute("receiptHint", messages.get("rating.receipt.hint"));
        } catch (DomainException e) {
            // a token this server did not issue for this page is 403 (render gives the browser a fresh one)
            response.setStatus(PublicRefusal.status(e.code()));
            model.addAttribute("rateError", messages.of(e));
        }
        return render(slug, request, response, model);
    }

    private String render(String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        var page = pages.page(slug).orElse(null);
        if (page == null) {
            response.setStatus(PublicRefusal.status("pledge.page.unknown"));
            model.addAttribute("title", "公开承诺");
            model.addAttribute("message", messages.get("pledge.page.unknown"));
            return "public/message";
        }
        String token = token(request, slug);
        boolean rated = pages.rated(slug, token);
        if (!rated && pages.checkToken(slug, token) != BrowserTokens.Check.VALID) {
            Cookie c = new Cookie(cookie(slug), pages.issueToken(slug));
            c.setHttpOnly(true);
            c.setPath("/q/p/" + slug);
            c.setMaxAge(60 * 60 * 24 * 365);
            c.setAttribute("SameSite", "Lax");
            response.addCookie(c);
        }
        model.addAttribute("p", page);
        model.addAttribute("rated", rated);
        model.addAttribute("choices", Satisfaction.values());
        return "public/pledges";
    }

    /** The ratings of members' pledges, sent as {@code m<pledge id>}; a name that is not one is refused as unknown. */
    private static Map<Long, String> memberChoices(Map<String, String> params) {
        Map<Long, String> members = new java.util.HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("m") && name.length() > 1) {
                String id = name.substring(1);
                if (!id.matches("\\d{1,18}")) {
                    throw new DomainException("rating.member.unknown");
                }
                members.put(Long.parseLong(id), value);
            }
        });
        return members;
    }

    private static String cookie(String slug) {
        return "tp_" + slug;
    }

    private static String token(HttpServletRequest request, String slug) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (c.getName().equals(cookie(slug))) {
                return c.getValue();
            }
        }
        return null;
    }
}
