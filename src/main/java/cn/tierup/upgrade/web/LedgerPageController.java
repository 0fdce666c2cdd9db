package cn.tierup.upgrade.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.web.FormOutcome;
import cn.tierup.upgrade.RectificationLedger;
import cn.tierup.upgrade.UpgradeExports;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation's 整改台账 page: lines, progress with evidence uploads, the authority's 销号, the Excel copy. */
@Controller
class LedgerPageController {

    private final RectificationLedger ledger;
    private final UpgradeExports exports;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;

    LedgerPageController(RectificationLedger ledger, UpgradeExports exports, ScopeGuard guard, FormOutcome outcome, CampaignService campaigns,
            PhaseWindows phaseWindows) {
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.ledger = ledger;
        this.exports = exports;
        this.guard = guard;
        this.outcome = outcome;
    }

    @GetMapping("/upgrade/ledger")
    String ledgerPage(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        return page(campaign, org == null ? guard.currentUser().organizationId() : org, ItemFields.EMPTY, model);
    }

    @PostMapping("/upgrade/ledger/items")
    String addItem(@RequestParam long campaign, @RequestParam long org, @ModelAttribute("typed") ItemFields form, Model model,
                   RedirectAttributes redirect) {
        return outcome.orShow(model, redirect, ledgerPage(campaign, org, ""),
                () -> outcome.say("item.ok.added", String.valueOf(ledger.add(campaign, org, form.toForm()).number())),
                () -> page(campaign, org, form, model));
    }

    @PostMapping("/upgrade/ledger/items/{id}/notes")
    String addNote(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                   @RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile file,
                   RedirectAttributes redirect) {
        return outcome.orFlash(redirect, ledgerPage(campaign, org, "#item-" + id), () -> {
            byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
            ledger.addNote(id, note, file == null ? null : file.getOriginalFilename(), bytes);
            return outcome.say(bytes == null ? "item.ok.noted" : "item.ok.evidence");
        });
    }

    @PostMapping("/upgrade/ledger/items/{id}/close")
    String close(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                 @Valid @ModelAttribute("decision") UpgradeApi.Close form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, ledgerPage(campaign, org, "#item-" + id), () -> outcome.say("item.ok.closed",
                String.valueOf(ledger.close(id, form.remark(), form.version()).number())));
    }

    @PostMapping("/upgrade/ledger/items/{id}/return")
    String sendBack(@PathVariable long id, @RequestParam long campaign, @RequestParam long org,
                    @Valid @ModelAttribute("decision") UpgradeApi.Reason form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, ledgerPage(campaign, org, "#item-" + id), () -> outcome.say("item.ok.returned",
                String.valueOf(ledger.sendBack(id, form.reason(), form.version()).number())));
    }

    @GetMapping("/upgrade/ledger/items/{id}/notes/{note}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long note) {
        RectificationLedger.Evidence e = ledger.evidence(id, note);
        return Downloads.file(e.fileName(), MediaType.parseMediaType(e.contentType()), e.bytes());
    }

    @GetMapping("/upgrade/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        cn.tierup.shared.xlsx.Workbook w = exports.ledger(campaign, org == null ? guard.currentUser().organizationId() : org);
        return Downloads.xlsx(w.fileName(), w.bytes());
    }

    private static String ledgerPage(long campaign, long org, String anchor) {
        return "/upgrade/ledger?campaign=" + campaign + "&org=" + org + anchor;
    }

    private String page(long campaign, long org, ItemFields typed, Model model) {
        model.addAttribute("l", ledger.get(campaign, org));
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(campaign), Phase.UPGRADE));
        model.addAttribute("form", typed);
        return "upgrade/ledger";
    }
}
