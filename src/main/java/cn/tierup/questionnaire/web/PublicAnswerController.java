package cn.tierup.questionnaire.web;

import cn.tierup.shared.web.PublicPage;
import cn.tierup.questionnaire.AnswerMode;
import cn.tierup.questionnaire.AnswerSheet;
import cn.tierup.questionnaire.AnswersRejectedException;
import cn.tierup.questionnaire.Questionnaire;
import cn.tierup.questionnaire.ResponseIntake;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.crypto.BrowserTokens;
import cn.tierup.shared.web.PublicRefusal;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public answering pages behind a short link: no account, plain HTML forms that work without
 * JavaScript on a phone. An open questionnaire gives each browser an answering token with the form, in a
 * cookie, signed by the server so that no other is taken; once it has answered, only its hash is kept,
 * apart from the answers.
 */
@Controller
@PublicPage
class PublicAnswerController {

    /** Refusals after which the form is of no more use to this respondent. */
    private static final Set<String> FINAL = Set.of("answer.already", "answer.closed", "answer.notYetOpen", "answer.counted");

    private final ResponseIntake intake;
    private final Messages messages;

    PublicAnswerController(ResponseIntake intake, Messages messages) {
        this.intake = intake;
        this.messages = messages;
    }

    @GetMapping("/q/{slug}")
    String form(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        Questionnaire q = find(slug, response, model);
        if (q == null) {
            return "public/message";
        }
        if (intake.counted(q)) {
            return receipts(q, model);
        }
        if (!q.openOn(LocalDate.now())) {
            return refusal(q, LocalDate.now().isBefore(q.getOpensOn()) ? "answer.notYetOpen" : "answer.closed", response, model);
        }
        if (intake.answered(q, token(request, slug))) {
            return refusal(q, "answer.already", response, model);
        }
        if (q.getMode() == AnswerMode.OPEN && intake.checkToken(q, token(request, slug)) != BrowserTokens.Check.VALID) {
            giveToken(q, response);
        }
        return page(q, Map.of(), new HashMap<>(), null, null, model);
    }

    @PostMapping("/q/{slug}")
    String submit(@PathVariable String slug, @RequestParam Map<String, String> ignored, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Questionnaire q = find(slug, response, model);
        if (q == null) {
            return "public/message";
        }
        Map<String, List<String>> raw = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> raw.put(k, List.of(v)));
        String categoryValue = request.getParameter("category");
        try {
            String receipt = intake.submit(slug, categoryValue, raw, token(request, slug), request.getParameter("code"),
                    request.getRemoteAddr());
            if (receipt == null) {
                return "redirect:/q/" + slug + "/thanks";
            }
            // a sealed answer's receipt is shown this once, on the page that answers the submission
            model.addAttribute("receipt", messages.get("answer.receipt", receipt));
            model.addAttribute("receiptHint", messages.get("answer.receipt.hint"));
            return thanks(q, model);
        } catch (AnswersRejectedException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach(p -> problems.put(p.key(), messages.get(p.code(), p.detail())));
            response.setStatus(422);
            return page(q, problems, raw, categoryValue, messages.get("answer.rejected", e.problems().size()), model);
        } catch (DomainException e) {
            response.setStatus(PublicRefusal.status(e.code()));
            if (e.code().equals("answer.badToken") || e.code().equals("answer.noCookie")) {
                // a fresh token with the form shown again, so a browser whose page was too old (or had lost its
                // cookie) can send the same answers once more; a script gains nothing it could not get by loading the form
                giveToken(q, response);
            }
            if (FINAL.contains(e.code())) {
                // Nothing the respondent can change on the form would help: say so instead of showing it again.
                model.addAttribute("title", q.getTitle());
                model.addAttribute("message", messages.of(e));
                return "public/message";
            }
            model.addAttribute("codeProblem", e.code().equals("answer.badCode"));
            return page(q, Map.of(), raw, categoryValue, messages.of(e), model);
        }
    }

    @GetMapping("/q/{slug}/thanks")
    String thanks(@PathVariable String slug, HttpServletResponse response, Model model) {
        Questionnaire q = find(slug, response, model);
        if (q == null) {
            return "public/message";
        }
        return thanks(q, model);
    }

    private String thanks(Questionnaire q, Model model) {
        model.addAttribute("title", q.getTitle());
        model.addAttribute("message", messages.get("answer.thanks"));
        model.addAttribute("thanks", true);
        return "public/message";
    }

    /** A counted questionnaire's page: the receipts it counted, so each respondent can find theirs; never an answer. */
    private String receipts(Questionnaire q, Model model) {
        List<String> receipts = intake.receipts(q);
        model.addAttribute("title", q.getTitle());
        model.addAttribute("header", messages.get("app.name"));
        model.addAttribute("closed", messages.get("answer.counted"));
        model.addAttribute("resultTitle", messages.get("answer.receipts.title"));
        model.addAttribute("none", messages.get("answer.receipts.none"));
        model.addAttribute("countLine", messages.get("answer.receipts.line", receipts.size()));
        model.addAttribute("receipts", receipts);
        return "public/receipts";
    }

    /** A page saying why the form is not shown, with the status of that refusal. */
    private String refusal(Questionnaire q, String code, HttpServletResponse response, Model model) {
        response.setStatus(PublicRefusal.status(code));
        model.addAttribute("title", q.getTitle());
        model.addAttribute("message", messages.get(code));
        return "public/message";
    }

    private Questionnaire find(String slug, HttpServletResponse response, Model model) {
        try {
            return intake.open(slug);
        } catch (NotFoundException e) {
            response.setStatus(PublicRefusal.status("answer.noSuchQuestionnaire"));
            model.addAttribute("title", messages.get("app.name"));
            model.addAttribute("message", messages.get("answer.noSuchQuestionnaire"));
            return null;
        }
    }

    private String page(Questionnaire q, Map<String, String> problems, Map<String, List<String>> raw, String category,
                        String error, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("problems", problems);
        // the numbers the respondent sees: over the questions shown for the answers given so far
        model.addAttribute("numbers", AnswerSheet.check(q.getQuestions(), raw).numbers());
        model.addAttribute("raw", raw);
        model.addAttribute("category", category);
        model.addAttribute("error", error);
        return "public/answer";
    }

    private void giveToken(Questionnaire q, HttpServletResponse response) {
        Cookie c = new Cookie(cookieName(q.getSlug()), intake.issueToken(q));
        c.setHttpOnly(true);
        c.setPath("/q/" + q.getSlug());
        // kept a year, as before: after answering, the cookie is what shows this browser "already answered"
        c.setMaxAge(60 * 60 * 24 * 365);
        c.setAttribute("SameSite", "Lax");
        response.addCookie(c);
    }

    private static String cookieName(String slug) {
        return "tq_" + slug;
    }

    private static String token(HttpServletRequest request, String slug) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (c.getName().equals(cookieName(slug))) {
                return c.getValue();
            }
        }
        return null;
    }
}
