package cn.tierup.upgrade.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.Phase;
import cn.tierup.campaign.PhaseWindows;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.Messages;
import cn.tierup.shared.web.FormOutcome;
import cn.tierup.upgrade.LedgerView;
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

/**
 * The 整改台账 page of an organisation, or of a station it hosts ({@code /upgrade/stations/{station}/ledger}): lines,
 * progress with evidence uploads, the authority's 销号, the Excel copy. A line's own actions name the page to come back
 * to ({@code org} or {@code station}); the line itself says whose it is.
 */
@Controller
class LedgerPageController {

    private final RectificationLedger ledger;
    private final UpgradeExports exports;
    private final ScopeGuard guard;
    private final FormOutcome outcome;
    private final CampaignService campaigns;
    private final PhaseWindows phaseWindows;
    private final Messages messages;

    LedgerPageController(RectificationLedger ledger, UpgradeExports exports, ScopeGuard guard, FormOutcome outcome, CampaignService campaigns,
            PhaseWindows phaseWindows, Messages messages) {
        this.campaigns = campaigns;
        this.phaseWindows = phaseWindows;
        this.ledger = ledger;
        this.exports = exports;
        this.guard = guard;
        this.outcome = outcome;
        this.messages = messages;
    }

    @GetMapping("/upgrade/ledger")
    String ledgerPage(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        return page(SubjectLinks.of(campaign, org == null ? guard.currentUser().organizationId() : org, null), ItemFields.EMPTY, model);
    }

    @GetMapping("/upgrade/stations/{station}/ledger")
    String stationLedgerPage(@PathVariable long station, @RequestParam long campaign, Model model) {
        return page(SubjectLinks.of(campaign, null, station), ItemFields.EMPTY, model);
    }

    @PostMapping("/upgrade/ledger/items")
    String addItem(@RequestParam long campaign, @RequestParam long org, @ModelAttribute("typed") ItemFields form, Model model,
                   RedirectAttributes redirect) {
        return addItem(SubjectLinks.of(campaign, org, null), form, model, redirect);
    }

    @PostMapping("/upgrade/stations/{station}/ledger/items")
    String addStationItem(@PathVariable long station, @RequestParam long campaign, @ModelAttribute("typed") ItemFields form,
                          Model model, RedirectAttributes redirect) {
        return addItem(SubjectLinks.of(campaign, null, station), form, model, redirect);
    }

    @PostMapping("/upgrade/ledger/items/{id}/notes")
    String addNote(@PathVariable long id, @RequestParam long campaign, @RequestParam(required = false) Long org,
                   @RequestParam(required = false) Long station,
                   @RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile file,
                   RedirectAttributes redirect) {
        return outcome.orFlash(redirect, back(campaign, org, station, id), () -> {
            byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
            ledger.addNote(id, note, file == null ? null : file.getOriginalFilename(), bytes);
            return outcome.say(bytes == null ? "item.ok.noted" : "item.ok.evidence");
        });
    }

    @PostMapping("/upgrade/ledger/items/{id}/close")
    String close(@PathVariable long id, @RequestParam long campaign, @RequestParam(required = false) Long org,
                 @RequestParam(required = false) Long station,
                 @Valid @ModelAttribute("decision") UpgradeApi.Close form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, back(campaign, org, station, id), () -> outcome.say("item.ok.closed",
                String.valueOf(ledger.close(id, form.remark(), form.version()).number())));
    }

    @PostMapping("/upgrade/ledger/items/{id}/return")
    String sendBack(@PathVariable long id, @RequestParam long campaign, @RequestParam(required = false) Long org,
                    @RequestParam(required = false) Long station,
                    @Valid @ModelAttribute("decision") UpgradeApi.Reason form, RedirectAttributes redirect) {
        return outcome.orFlash(redirect, back(campaign, org, station, id), () -> outcome.say("item.ok.returned",
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

    @GetMapping("/upgrade/stations/{station}/ledger.xlsx")
    ResponseEntity<byte[]> stationLedgerXlsx(@PathVariable long station, @RequestParam long campaign) {
        cn.tierup.shared.xlsx.Workbook w = exports.ledger(campaign, SubjectLinks.of(campaign, null, station).subject());
        return Downloads.xlsx(w.fileName(), w.bytes());
    }

    private String addItem(SubjectLinks at, ItemFields form, Model model, RedirectAttributes redirect) {
        return outcome.orShow(model, redirect, at.ledger(),
                () -> outcome.say("item.ok.added", String.valueOf(ledger.add(at.campaign(), at.subject(), form.toForm()).number())),
                () -> page(at, form, model));
    }

    /** The ledger page a line's action came from: the station's if named, else the organisation's (the user's own). */
    private String back(long campaign, Long org, Long station, long item) {
        SubjectLinks at = station != null ? SubjectLinks.of(campaign, null, station)
                : SubjectLinks.of(campaign, org == null ? guard.currentUser().organizationId() : org, null);
        return at.ledger() + "#item-" + item;
    }

    private String page(SubjectLinks at, ItemFields typed, Model model) {
        LedgerView l = ledger.get(at.campaign(), at.subject());
        model.addAttribute("l", l);
        model.addAttribute("at", SubjectLinks.of(l));
        model.addAttribute("whose", l.station() ? messages.get("upgrade.station.heading", l.stationName(), l.organizationName())
                : l.organizationName());
        model.addAttribute("gate", phaseWindows.gate(campaigns.get(at.campaign()), Phase.UPGRADE));
        model.addAttribute("form", typed);
        return "upgrade/ledger";
    }
}
