package cn.tierup.ballot.web;

import cn.tierup.shared.web.PublicPage;
import cn.tierup.ballot.Ballot;
import cn.tierup.ballot.Ballots;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.web.PublicRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A phone ballot behind its printed link: no account, a plain form that works without JavaScript.
 * Nothing about the voter is read or kept; the code is the only right to vote. A vote is answered with its
 * receipt; once the ballot is counted, the link lists the receipts counted.
 */
@Controller
@PublicPage
class PublicBallotController {

    private static final Set<String> FINAL = Set.of("ballot.closed", "ballot.unknown");

    private final Ballots ballots;
    private final Messages messages;

    PublicBallotController(Ballots ballots, Messages messages) {
        this.ballots = ballots;
        this.messages = messages;
    }

    @GetMapping("/q/v/{slug}")
    String form(@PathVariable String slug, Model model, HttpServletResponse response) {
        Ballot ballot = ballots.find(slug).orElse(null);
        if (ballot == null) {
            response.setStatus(PublicRefusal.status("ballot.unknown"));
            return message(null, "ballot.unknown", model);
        }
        if (!ballot.open()) {
            return receipts(ballot, model);
        }
        model.addAttribute("b", ballot);
        return "public/ballot";
    }

    @PostMapping("/q/v/{slug}")
    String vote(@PathVariable String slug, @RequestParam(required = false) String code,
                @RequestParam(required = false) String choice, Model model, HttpServletResponse response) {
        Ballot ballot = ballots.find(slug).orElse(null);
        try {
            String receipt = ballots.vote(slug, code, Arrays.asList(choice));
            model.addAttribute("thanks", true);
            if (receipt != null) {
                model.addAttribute("receipt", messages.get("ballot.receipt", receipt));
                model.addAttribute("receiptHint", messages.get("ballot.receipt.hint"));
            }
            return message(ballot, "ballot.thanks", model);
        } catch (DomainException e) {
            response.setStatus(ballot == null ? 404 : PublicRefusal.status(e.code()));
            if (ballot == null || FINAL.contains(e.code())) {
                model.addAttribute("title", ballot == null ? messages.get("ballot.title") : ballot.title());
                model.addAttribute("message", messages.of(e));
                return "public/message";
            }
            model.addAttribute("b", ballot);
            model.addAttribute("error", messages.of(e));
            model.addAttribute("code", code);
            model.addAttribute("choice", choice);
            return "public/ballot";
        }
    }

    /** A counted ballot's page: the receipts it counted, so each voter can find theirs; never how anyone voted. */
    private String receipts(Ballot ballot, Model model) {
        List<String> receipts = ballots.receipts(ballot.slug());
        model.addAttribute("title", ballot.title());
        model.addAttribute("header", messages.get("ballot.header"));
        model.addAttribute("closed", messages.get("ballot.closed"));
        model.addAttribute("resultTitle", messages.get("ballot.result.title"));
        model.addAttribute("none", messages.get("ballot.result.none"));
        model.addAttribute("countLine", messages.get("ballot.result.line", receipts.size()));
        model.addAttribute("receipts", receipts);
        return "public/receipts";
    }

    private String message(Ballot ballot, String code, Model model) {
        model.addAttribute("title", ballot == null ? messages.get("ballot.title") : ballot.title());
        model.addAttribute("message", messages.get(code));
        return "public/message";
    }
}
