package cn.tierup.grading.web;

import cn.tierup.grading.GradingCases;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.QrCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Step 4 on phones: opening the ballot answers the page of printed codes with the voting link and its QR
 * code, and the closing key for the meeting's host — the only time either is shown — rather than
 * redirecting, as the other steps' forms do.
 */
@Controller
class PhoneBallotController {

    private final GradingCases cases;
    private final CasePage casePage;
    private final Messages messages;

    PhoneBallotController(GradingCases cases, CasePage casePage, Messages messages) {
        this.cases = cases;
        this.casePage = casePage;
        this.messages = messages;
    }

    @PostMapping("/grading/case/ballot/phone")
    String open(@RequestParam long campaign, @RequestParam long org, @ModelAttribute GradingApi.Phone form,
                BindingResult binding, WebRequest request, Model model) {
        try {
            CaseForms.requireRead(binding);
            GradingCases.PhoneBallot b = cases.openPhoneBallot(campaign, org, form.heldOn(), form.place(), form.expected(),
                    form.codes());
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/q/v/" + b.meeting().slug()).toUriString();
            model.addAttribute("b", b);
            model.addAttribute("link", link);
            model.addAttribute("qr", QrCodes.dataUrl(link, 240));
            model.addAttribute("keyQr", QrCodes.dataUrl(b.closingKey(), 160));
            return "grading/ballot-codes";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("submitted", "phone");
            return casePage.again(campaign, org, request, model);
        }
    }
}
