package cn.tierup.acceptance.web;

import cn.tierup.acceptance.CommendationExports;
import cn.tierup.acceptance.CommendationKind;
import cn.tierup.acceptance.CommendationLevel;
import cn.tierup.acceptance.Commendations;
import cn.tierup.acceptance.Commendations.CommendationView;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.FormValues;
import cn.tierup.shared.web.FormOutcome;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** A superior's 表彰 of a year: the list (by kind, .xlsx), recording one, and one commendation to correct or withdraw. */
@Controller
class CommendationPageController {

    private final Commendations commendations;
    private final CommendationExports exports;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final FormOutcome outcome;

    CommendationPageController(Commendations commendations, CommendationExports exports, CampaignService campaigns,
                               ScopeGuard guard, FormOutcome outcome) {
        this.commendations = commendations;
        this.exports = exports;
        this.campaigns = campaigns;
        this.guard = guard;
        this.outcome = outcome;
    }

    @GetMapping("/acceptance/commendations")
    String list(@RequestParam long campaign, @RequestParam(required = false) Long org,
                @RequestParam(required = false) String kind, Model model) {
        long awarder = org == null ? guard.currentUser().organizationId() : org;
        return page(campaign, awarder, FormValues.choice(CommendationKind.class, kind), CommendationFields.EMPTY, model);
    }

    @PostMapping("/acceptance/commendations")
    String record(@RequestParam long campaign, @RequestParam long org, @ModelAttribute("typed") CommendationFields form,
                  Model model, RedirectAttributes redirect) {
        return outcome.orShow(model, redirect, listPage(campaign, org, null), () -> {
            CommendationView v = commendations.record(campaign, org, form.toForm(commendations, org));
            return outcome.say("acceptance.commendation.ok.recorded", v.honouredName());
        }, () -> page(campaign, org, null, form, model));
    }

    @GetMapping("/acceptance/commendations/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam long campaign, @RequestParam(required = false) Long org,
                                  @RequestParam(required = false) String kind) {
        long awarder = org == null ? guard.currentUser().organizationId() : org;
        String name = guard.require(Permission.CAMPAIGN_READ, awarder).name();
        var wb = exports.list(campaign, awarder, FormValues.choice(CommendationKind.class, kind), name,
                campaigns.get(campaign).year());
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    @GetMapping("/acceptance/commendations/{id}")
    String detail(@PathVariable long id, Model model) {
        CommendationView v = commendations.get(id);
        return detailPage(v, CommendationFields.of(v), model);
    }

    @PostMapping("/acceptance/commendations/{id}")
    String correct(@PathVariable long id, @ModelAttribute("typed") CommendationFields form, Model model,
                   RedirectAttributes redirect) {
        CommendationView v = commendations.get(id);
        return outcome.orShow(model, redirect, "/acceptance/commendations/" + id, () -> {
            commendations.correct(id, form.toForm(commendations, v.awardedBy()), form.versionValue());
            return outcome.say("acceptance.commendation.ok.corrected");
        }, () -> detailPage(v, form, model));
    }

    @PostMapping("/acceptance/commendations/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String version, RedirectAttributes redirect) {
        CommendationView v = commendations.get(id);
        return outcome.orFlash(redirect, "/acceptance/commendations/" + id, () -> {
            commendations.withdraw(id, reason, FormValues.longValue(version));
            return outcome.say("acceptance.commendation.ok.withdrawn", v.honouredName());
        });
    }

    static String listPage(long campaign, long org, CommendationKind kind) {
        return UriComponentsBuilder.fromPath("/acceptance/commendations").queryParam("campaign", campaign)
                .queryParam("org", org).queryParamIfPresent("kind", java.util.Optional.ofNullable(kind)).build().toUriString();
    }

    private String page(long campaign, long awarder, CommendationKind kind, CommendationFields typed, Model model) {
        CampaignView c = campaigns.get(campaign);
        List<CommendationView> lines = commendations.awardedBy(campaign, awarder, kind, true);
        boolean canAward = commendations.canAward(awarder);
        model.addAttribute("c", c);
        model.addAttribute("awarderId", awarder);
        model.addAttribute("awarderName", guard.require(Permission.CAMPAIGN_READ, awarder).name());
        model.addAttribute("lines", lines);
        model.addAttribute("standing", lines.stream().filter(l -> !l.withdrawn()).count());
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", CommendationKind.values());
        model.addAttribute("levels", CommendationLevel.values());
        model.addAttribute("canAward", canAward);
        model.addAttribute("candidates", canAward ? commendations.candidates(awarder) : List.of());
        model.addAttribute("form", typed);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("exportUrl", listPage(campaign, awarder, kind).replaceFirst("^/acceptance/commendations",
                "/acceptance/commendations/export.xlsx"));
        return "acceptance/commendations";
    }

    private String detailPage(CommendationView v, CommendationFields typed, Model model) {
        boolean canAward = commendations.canAward(v.awardedBy()) && !v.withdrawn();
        model.addAttribute("v", v);
        model.addAttribute("kinds", CommendationKind.values());
        model.addAttribute("levels", CommendationLevel.values());
        model.addAttribute("canAward", canAward);
        model.addAttribute("candidates", canAward ? commendations.candidates(v.awardedBy()) : List.of());
        model.addAttribute("form", typed);
        model.addAttribute("backUrl", listPage(v.campaignId(), v.awardedBy(), null));
        return "acceptance/commendation";
    }
}
