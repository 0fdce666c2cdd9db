package cn.tierup.ballot.web;

import cn.tierup.ballot.Ballot;
import cn.tierup.ballot.Ballots;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.web.PublicRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A phone ballot behind its printed link: no account, a plain form that works without JavaScript.
 * Nothing about the voter is read or kept; the code is the only right to vote.
 */
@Controller
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
        if (ballot == null || !ballot.open()) {
            String code = ballot == null ? "ballot.unknown" : "ballot.closed";
            response.setStatus(PublicRefusal.status(code));
            return message(ballot, code, model);
        }
        model.addAttribute("b", ballot);
        return "public/ballot";
    }

    @PostMapping("/q/v/{slug}")
    String vote(@PathVariable String slug, @RequestParam(required = false) String code,
                @RequestParam(required = false) String choice, Model model, HttpServletResponse response) {
        Ballot ballot = ballots.find(slug).orElse(null);
        try {
            ballots.vote(slug, code, Arrays.asList(choice));
            model.addAttribute("thanks", true);
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

    private String message(Ballot ballot, String code, Model model) {
        model.addAttribute("title", ballot == null ? messages.get("ballot.title") : ballot.title());
        model.addAttribute("message", messages.get(code));
        return "public/message";
    }
}
