package cn.tierup.pledge.web;

import cn.tierup.pledge.Pledges;
import cn.tierup.shared.web.FormOutcome;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-click actions on an organisation's pledge page: 签订 or return, publish, open or close 群众点诺,
 * take up or set aside a suggestion, the superior's 点评, and opening, counting or abandoning the residents'
 * satisfaction rating.
 */
@Controller
class PledgeDecisionsController {

    private final Pledges pledges;
    private final FormOutcome outcome;
    private final cn.tierup.shared.Messages messages;

    PledgeDecisionsController(Pledges pledges, FormOutcome outcome, cn.tierup.shared.Messages messages) {
        this.pledges = pledges;
        this.outcome = outcome;
        this.messages = messages;
    }

    /** 点评 of one organisation ({@code org}) or several ({@code orgs}); {@code back}: the overview it was sent from. */
    record CommentFields(List<Long> orgs, Long org, String text, Long back) {

        List<Long> targets() {
            return orgs != null && !orgs.isEmpty() ? orgs : org == null ? List.of() : List.of(org);
        }
    }

    @PostMapping("/pledges/{id}/sign")
    String sign(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                @Valid @ModelAttribute("decision") PledgeApi.PledgeVersion form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.sign(id, form.version());
            return outcome.say("pledge.ok.signed");
        });
    }

    @PostMapping("/pledges/{id}/return")
    String returnPledge(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                        @Valid @ModelAttribute("decision") PledgeApi.PledgeReturn form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.returnForRevision(id, form.reason(), form.version());
            return outcome.say("pledge.ok.returned");
        });
    }

    @PostMapping("/pledges/publish")
    String publish(@RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.publish(campaign, org);
            return outcome.say("pledge.ok.published");
        });
    }

    /** Opening the rating answers the page with its closing key to print — the only time it is shown. */
    @PostMapping("/pledges/ratings/open")
    String openRatings(@RequestParam long campaign, @RequestParam long org, Model model, RedirectAttributes redirect) {
        try {
            Pledges.OpenedRating r = pledges.openRatings(campaign, org);
            model.addAttribute("b", r.board());
            model.addAttribute("closingKey", r.closingKey());
            model.addAttribute("keyQr", cn.tierup.shared.QrCodes.dataUrl(r.closingKey(), 160));
            return "pledges/rating-key";
        } catch (cn.tierup.shared.DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:" + board(campaign, org);
        }
    }

    @PostMapping("/pledges/ratings/count")
    String countRatings(@RequestParam long campaign, @RequestParam long org, @ModelAttribute PledgeApi.RatingCount form,
                        RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.countRatings(campaign, org, form.closingKey());
            return outcome.say("pledge.ok.ratingsCounted");
        });
    }

    @PostMapping("/pledges/ratings/abandon")
    String abandonRatings(@RequestParam long campaign, @RequestParam long org, @ModelAttribute PledgeApi.RatingAbandon form,
                          RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.abandonRatings(campaign, org, form.reason());
            return outcome.say("pledge.ok.ratingsAbandoned");
        });
    }

    @PostMapping("/pledges/suggestions")
    String suggestions(@RequestParam long campaign, @RequestParam long org, @RequestParam boolean open, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.suggestions(campaign, org, open);
            return outcome.say(open ? "pledge.ok.suggestionsOpen" : "pledge.ok.suggestionsClosed");
        });
    }

    @PostMapping("/pledges/suggestions/{id}/take")
    String take(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.take(id);
            return outcome.say("pledge.ok.taken");
        });
    }

    @PostMapping("/pledges/suggestions/{id}/reject")
    String reject(@PathVariable long id, @RequestParam long campaign, @RequestParam long org, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, board(campaign, org), () -> {
            pledges.reject(id);
            return outcome.say("pledge.ok.rejected");
        });
    }

    @PostMapping("/pledges/comments")
    String comment(@RequestParam long campaign, @ModelAttribute("typed") CommentFields form, RedirectAttributes redirect) {
        String to = form.back() != null ? "/pledges/overview?campaign=" + campaign + "&org=" + form.back()
                : "/pledges?campaign=" + campaign + "&org=" + form.org();
        return outcome.orFlash(redirect, to,
                () -> outcome.say("comment.ok", String.valueOf(pledges.comment(campaign, form.targets(), form.text()))));
    }

    private static String board(long campaign, long org) {
        return "/pledges?campaign=" + campaign + "&org=" + org;
    }
}
