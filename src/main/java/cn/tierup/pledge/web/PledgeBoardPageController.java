package cn.tierup.pledge.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseGate;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.Pledges;
import cn.tierup.shared.web.FormOutcome;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation's pledge page and what is written on it: its 承诺书, its members' pledges, 践诺. */
@Controller
class PledgeBoardPageController {

    private final Pledges pledges;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;

    PledgeBoardPageController(Pledges pledges, ScopeGuard guard, FormOutcome outcome, CampaignService campaigns,
                              PhaseWindows phaseWindows) {
        this.pledges = pledges;
        this.guard = guard;
        this.outcome = outcome;
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
    }

    /** A superior who chose to fill in the organisation's 承诺书 on its behalf (after confirming on the page). */
    @ModelAttribute("onBehalf")
    boolean onBehalf(@RequestParam(defaultValue = "false") boolean onBehalf) {
        return onBehalf;
    }

    /** 公开承诺 is 晋位升级's work: before that phase the page says when it starts instead of showing its forms. */
    @ModelAttribute("gate")
    PhaseGate gate(@RequestParam(required = false) Long campaign) {
        return campaign == null ? null : phaseWindows.gate(campaigns.get(campaign), Phase.UPGRADE);
    }

    @GetMapping("/pledges")
    String board(@RequestParam long campaign, @RequestParam(required = false) Long org,
                 @RequestParam(required = false) Long member, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        return BoardPage.show(pledges.get(campaign, orgId), member, model);
    }

    @PostMapping("/pledges/organisation")
    String saveOrganisation(@RequestParam long campaign, @RequestParam long org, @RequestParam(defaultValue = "save") String action,
                            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        PledgeFields typed = PledgeFields.read(params);
        boolean submit = "submit".equals(action);
        String back = "/pledges?campaign=" + campaign + "&org=" + org + ("true".equals(params.get("onBehalf")) ? "&onBehalf=true" : "");
        return outcome.orShow(model, redirect, back, () -> {
            pledges.saveOrganisationPledge(campaign, org, typed.toForm(), submit);
            return outcome.say(submit ? "pledge.ok.submitted" : "pledge.ok.saved");
        }, () -> BoardPage.show(pledges.get(campaign, org), null, typed, BoardPage.ORGANISATION, model));
    }

    @PostMapping("/pledges/member")
    String saveMember(@RequestParam long campaign, @RequestParam long org, @RequestParam long member,
                      @RequestParam(defaultValue = "save") String action, @RequestParam Map<String, String> params, Model model,
                      RedirectAttributes redirect) {
        PledgeFields typed = PledgeFields.read(params);
        boolean submit = "submit".equals(action);
        return outcome.orShow(model, redirect, "/pledges?campaign=" + campaign + "&org=" + org + "&member=" + member + "#member-pledge",
                () -> {
                    pledges.saveMemberPledge(campaign, org, member, typed.toForm(), submit);
                    return outcome.say(submit ? "pledge.ok.memberSubmitted" : "pledge.ok.memberSaved");
                }, () -> BoardPage.show(pledges.get(campaign, org), member, typed, BoardPage.MEMBER, model));
    }

    @PostMapping("/pledges/{id}/items/{number}")
    String fulfil(@PathVariable long id, @PathVariable int number, @RequestParam long campaign, @RequestParam long org,
                  @RequestParam(required = false) Long member, @ModelAttribute("typed") FulfilFields form, Model model,
                  RedirectAttributes redirect) {
        String back = "/pledges?campaign=" + campaign + "&org=" + org + (member == null ? "" : "&member=" + member + "#member-pledge");
        return outcome.orShow(model, redirect, back, () -> {
            pledges.fulfil(id, number, form.fulfilment(), form.evidence(), form.doneOnDate());
            return outcome.say("pledge.ok.fulfilled", String.valueOf(number));
        }, () -> {
            // the page again with what was typed into this item's form, and which item the reason is about
            model.addAttribute("error", outcome.say("pledge.fulfil.about", String.valueOf(number), model.getAttribute("error")));
            model.addAttribute("fulfilTyped", form.typedFor(id, number));
            return BoardPage.show(pledges.get(campaign, org), member, model);
        });
    }
}
