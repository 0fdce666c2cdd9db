package cn.tierup.web;

import cn.tierup.shared.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a page opened by its address (a GET: nothing was submitted) says when the address does not lead to a page:
 * which part is missing or cannot be read, in Chinese, with links to where to choose it — never "提交的内容有误".
 * A page for one organisation opened without {@code org} is for the user's own; where that organisation has no such
 * page (the city's account on a branch's page), it asks which organisation, with the section's overview to pick from.
 */
@Component
class AddressHelp {

    /** Each section's overview, where its organisations are listed: path prefix, overview, name's key, by year. */
    private static final String[][] SECTIONS = {
            {"/survey", "/survey", "address.section.survey", "year"},
            {"/questionnaires", "/questionnaires", "address.section.questionnaires", "year"},
            {"/grading/register", "/grading/register", "address.section.register", ""},
            {"/grading-schemes", "/grading-schemes", "address.section.schemes", ""},
            {"/grading", "/grading", "address.section.grading", "year"},
            // a station's goal and ledger are reached from the station's classification
            {"/upgrade/stations", "/stations/grading", "address.section.stationGrading", "year"},
            {"/upgrade", "/upgrade", "address.section.upgrade", "year"},
            {"/pledges", "/pledges/overview", "address.section.pledges", "year"},
            {"/acceptance/review", "/acceptance/reviews", "address.section.reviews", "year"},
            {"/acceptance/appraisals", "/acceptance/appraisals", "address.section.appraisals", "year"},
            {"/acceptance/summaries", "/acceptance/summaries", "address.section.summaries", "year"},
            {"/acceptance/recognitions", "/acceptance/recognitions", "address.section.recognitions", ""},
            {"/acceptance/commendations", "/acceptance/commendations", "address.section.commendations", "year"},
            {"/acceptance/transitions", "/acceptance/transitions", "address.section.transitions", "year"},
            {"/stations/grading/register", "/stations/grading/register", "address.section.stationRegister", ""},
            {"/stations/grading", "/stations/grading", "address.section.stationGrading", "year"},
            {"/stations/tables", "/stations/grading", "address.section.stationGrading", "year"},
            {"/stations", "/stations", "address.section.stations", ""},
            {"/dashboard", "/dashboard", "address.section.dashboard", "year"},
            {"/campaigns", "/campaigns", "address.section.campaigns", ""},
            {"/orgs", "/orgs", "address.section.orgs", ""},
            {"/members", "/members", "address.section.members", ""},
            {"/accounts", "/accounts", "address.section.accounts", ""},
    };

    private final Messages messages;
    private final LayoutAdvice layout;

    AddressHelp(Messages messages, LayoutAdvice layout) {
        this.messages = messages;
        this.layout = layout;
    }

    /** A GET of a page for one organisation whose address named none, so the user's own was taken. */
    static boolean orgWasLeftOut(HttpServletRequest request, HandlerMethod handler) {
        String org = request.getParameter("org");
        return handler != null && "GET".equals(request.getMethod()) && (org == null || org.isBlank())
                && reads(handler, "org");
    }

    /** The page asking which organisation: why the user's own will not do, a picker, and the section's overview. */
    String chooseOrganization(String reason, HttpServletRequest request, Model model) {
        model.addAttribute("status", 200);
        model.addAttribute("message", reason);
        model.addAttribute("hint", messages.get("address.chooseOrg"));
        model.addAttribute("action", request.getRequestURI());
        Map<String, String> keep = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!"org".equals(k) && !"pickerQ".equals(k) && v.length > 0) {
                keep.put(k, v[0]);
            }
        });
        model.addAttribute("keep", keep);
        model.addAttribute("links", links(request, null));
        layout.fill(model, request);
        return "error/choose";
    }

    /** A GET whose address lacks a parameter the page needs, or has one that cannot be read. */
    String address(Exception e, HttpServletRequest request, Model model, HttpServletResponse response) {
        String name = parameter(e);
        String label = label(name);
        String message;
        List<Link> links;
        if (e instanceof MissingServletRequestParameterException) {
            response.setStatus(200);
            model.addAttribute("status", 200);
            String specific = "address.missing." + name;
            String said = messages.get(specific, label);
            message = said.equals(specific) ? messages.get("address.missing", label) : said;
            links = links(request, "campaign".equals(name) ? new Link(messages.get("address.section.campaigns"), "/campaigns") : null);
        } else {
            response.setStatus(400);
            model.addAttribute("status", 400);
            String value = request.getParameter(name);
            message = messages.get("address.unreadable", label, value == null ? "" : value);
            String without;
            try {
                without = UriComponentsBuilder.fromUriString(request.getRequestURI()
                                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()))
                        .replaceQueryParam(name).build(true).toUriString();
            } catch (IllegalArgumentException unencoded) {
                without = request.getRequestURI();
            }
            links = links(request, new Link(messages.get("address.without", label), without));
        }
        model.addAttribute("message", message);
        model.addAttribute("links", links);
        layout.fill(model, request);
        return "error/choose";
    }

    private List<Link> links(HttpServletRequest request, Link first) {
        List<Link> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
        }
        String path = request.getRequestURI();
        String campaign = request.getParameter("campaign");
        for (String[] s : SECTIONS) {
            if (path.startsWith(s[0])) {
                boolean byYear = !s[3].isEmpty() && campaign != null && campaign.matches("\\d{1,18}");
                if (out.stream().noneMatch(l -> l.href().equals(s[1]))) {
                    out.add(new Link(messages.get(s[2]), byYear ? s[1] + "?campaign=" + campaign : s[1]));
                }
                break;
            }
        }
        return out;
    }

    private String label(String name) {
        String key = "address.param." + name;
        String said = messages.get(key);
        return said.equals(key) ? name : said;
    }

    private static String parameter(Exception e) {
        if (e instanceof MissingServletRequestParameterException m) {
            return m.getParameterName();
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return m.getName();
        }
        if (e instanceof BindException b && b.getFieldError() != null) {
            FieldError f = b.getFieldError();
            return f.getField();
        }
        return "?";
    }

    static boolean reads(HandlerMethod handler, String name) {
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp == null) {
                continue;
            }
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            String n = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
            if (name.equals(n)) {
                return true;
            }
        }
        return false;
    }

    /** A way on from the page. */
    record Link(String label, String href) {
    }
}
