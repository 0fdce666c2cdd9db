package cn.tierup.acceptance.web;

import cn.tierup.shared.web.PublicPage;
import cn.tierup.ballot.Ballot;
import cn.tierup.ballot.Ballots;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.Satisfaction;
import cn.tierup.shared.web.PublicRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The phone page of a 民主测评 sitting behind its printed link: one code rates every organisation on the list at once,
 * on a plain form that works without JavaScript. Nothing about the voter is read or kept; the code is the only right
 * to rate, spent by {@link Ballots#vote}. A rating is answered with its receipt; once counted, the link lists the
 * receipts counted.
 */
@Controller
@PublicPage
class AppraisalPublicController {

    private final Ballots ballots;
    private final Messages messages;

    AppraisalPublicController(Ballots ballots, Messages messages) {
        this.ballots = ballots;
        this.messages = messages;
    }

    @GetMapping("/q/a/{slug}")
    String form(@PathVariable String slug, Model model, HttpServletResponse response) {
        Ballot ballot = ballots.find(slug).orElse(null);
        if (ballot == null || !isAppraisal(ballot)) {
            response.setStatus(PublicRefusal.status("ballot.unknown"));
            return message(null, messages.get("ballot.unknown"), model);
        }
        if (!ballot.open()) {
            return receipts(ballot, model);
        }
        return page(ballot, null, Map.of(), model);
    }

    @PostMapping("/q/a/{slug}")
    String rate(@PathVariable String slug, @RequestParam Map<String, String> params, Model model,
                HttpServletResponse response) {
        Ballot ballot = ballots.find(slug).filter(AppraisalPublicController::isAppraisal).orElse(null);
        if (ballot == null) {
            response.setStatus(404);
            return message(null, messages.get("ballot.unknown"), model);
        }
        List<String> choices = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < ballot.subjects().size(); i++) {
            String c = params.get("c" + i);
            if (c == null || c.isBlank()) {
                missing++;
            }
            choices.add(c == null ? "" : c);
        }
        try {
            if (missing > 0) {
                throw new DomainException("acceptance.appraisal.public.choice", missing);
            }
            String receipt = ballots.vote(slug, params.get("code"), choices);
            model.addAttribute("thanks", true);
            if (receipt != null) {
                model.addAttribute("receipt", messages.get("ballot.receipt", receipt));
                model.addAttribute("receiptHint", messages.get("ballot.receipt.hint"));
            }
            return message(ballot, messages.get("acceptance.appraisal.public.thanks"), model);
        } catch (DomainException e) {
            response.setStatus(PublicRefusal.status(e.code()));
            if ("ballot.closed".equals(e.code()) || "ballot.unknown".equals(e.code())) {
                return message(ballot, messages.of(e), model);
            }
            model.addAttribute("error", messages.of(e));
            return page(ballot, params.get("code"), params, model);
        }
    }

    /** A ballot whose choices are the three of a satisfaction rating; the grading 审议 ballots have their own page. */
    private static boolean isAppraisal(Ballot b) {
        return b.choices().equals(java.util.Arrays.stream(Satisfaction.values()).map(Enum::name).toList()) && !b.subjects().isEmpty();
    }

    private String page(Ballot ballot, String code, Map<String, String> typed, Model model) {
        model.addAttribute("b", ballot);
        model.addAttribute("code", code);
        model.addAttribute("typed", typed);
        model.addAttribute("choices", Satisfaction.values());
        return "public/appraisal";
    }

    private String receipts(Ballot ballot, Model model) {
        List<String> receipts = ballots.receipts(ballot.slug());
        model.addAttribute("title", ballot.title());
        model.addAttribute("header", messages.get("acceptance.appraisal.title"));
        model.addAttribute("closed", messages.get("ballot.closed"));
        model.addAttribute("resultTitle", messages.get("ballot.result.title"));
        model.addAttribute("none", messages.get("ballot.result.none"));
        model.addAttribute("countLine", messages.get("ballot.result.line", receipts.size()));
        model.addAttribute("receipts", receipts);
        return "public/receipts";
    }

    private String message(Ballot ballot, String text, Model model) {
        model.addAttribute("title", ballot == null ? messages.get("acceptance.appraisal.title") : ballot.title());
        model.addAttribute("message", text);
        return "public/message";
    }
}
