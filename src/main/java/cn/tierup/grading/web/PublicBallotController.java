package cn.tierup.grading.web;

import cn.tierup.grading.BallotBox;
import cn.tierup.grading.BallotChoice;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The phone ballot of a 党员群众会议审议 behind the printed link: no account, a plain form that works
 * without JavaScript. Nothing about the voter is read or kept; the code is the only right to vote.
 */
@Controller
class PublicBallotController {

    private static final Set<String> FINAL = Set.of("ballot.closed", "ballot.unknown");

    private final BallotBox box;
    private final Messages messages;

    PublicBallotController(BallotBox box, Messages messages) {
        this.box = box;
        this.messages = messages;
    }

    @GetMapping("/q/v/{slug}")
    String form(@PathVariable String slug, Model model) {
        var ballot = box.find(slug).orElse(null);
        if (ballot == null || !ballot.open()) {
            model.addAttribute("title", ballot == null ? "无记名测评" : ballot.title());
            model.addAttribute("message", messages.get(ballot == null ? "ballot.unknown" : "ballot.closed"));
            return "public/message";
        }
        model.addAttribute("b", ballot);
        model.addAttribute("choices", BallotChoice.values());
        return "public/ballot";
    }

    @PostMapping("/q/v/{slug}")
    String vote(@PathVariable String slug, @RequestParam(required = false) String code,
                @RequestParam(required = false) String choice, Model model) {
        var ballot = box.find(slug).orElse(null);
        try {
            box.vote(slug, code, choice);
            model.addAttribute("title", ballot.title());
            model.addAttribute("thanks", true);
            model.addAttribute("message", messages.get("ballot.thanks"));
            return "public/message";
        } catch (DomainException e) {
            if (ballot == null || FINAL.contains(e.code())) {
                model.addAttribute("title", ballot == null ? "无记名测评" : ballot.title());
                model.addAttribute("message", messages.of(e));
                return "public/message";
            }
            model.addAttribute("b", ballot);
            model.addAttribute("choices", BallotChoice.values());
            model.addAttribute("error", messages.of(e));
            model.addAttribute("code", code);
            model.addAttribute("choice", choice);
            return "public/ballot";
        }
    }
}
