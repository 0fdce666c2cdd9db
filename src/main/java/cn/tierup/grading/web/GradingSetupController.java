package cn.tierup.grading.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.grading.GradingSchemes;
import cn.tierup.grading.GradingSetups;
import cn.tierup.shared.web.FormOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A campaign's grading settings: the standard each field is graded against and the share that passes a 审议. */
@Controller
class GradingSetupController {

    private final GradingSetups setups;
    private final GradingSchemes schemes;
    private final CampaignService campaigns;
    private final FormOutcome outcome;

    GradingSetupController(GradingSetups setups, GradingSchemes schemes, CampaignService campaigns, FormOutcome outcome) {
        this.setups = setups;
        this.schemes = schemes;
        this.campaigns = campaigns;
        this.outcome = outcome;
    }

    @GetMapping("/grading/setup")
    String setupPage(@RequestParam long campaign, Model model) {
        model.addAttribute("s", setups.get(campaign));
        model.addAttribute("c", campaigns.toManage(campaign));
        model.addAttribute("schemes", schemes.list());
        return "grading/setup";
    }

    @PostMapping("/grading/setup/scheme")
    String chooseScheme(@RequestParam long campaign, @RequestParam String field, @RequestParam(required = false) Long scheme,
                        RedirectAttributes redirect) {
        return outcome.orFlash(redirect, target(campaign), () -> {
            setups.choose(campaign, field, scheme);
            return outcome.say("grading.done.scheme", outcome.say("Field." + field));
        });
    }

    @PostMapping("/grading/setup/pass-percent")
    String passPercent(@RequestParam long campaign, @ModelAttribute GradingApi.PassPercent form, BindingResult binding,
                       RedirectAttributes redirect) {
        return outcome.orFlash(redirect, target(campaign), () -> {
            CaseForms.requireRead(binding);
            // left empty, it is refused as out of range
            setups.passPercent(campaign, form.percent() == null ? 0 : form.percent());
            return outcome.say("grading.done.passPercent");
        });
    }

    private static String target(long campaign) {
        return "/grading/setup?campaign=" + campaign;
    }
}
