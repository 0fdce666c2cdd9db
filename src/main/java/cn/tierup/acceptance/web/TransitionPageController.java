package cn.tierup.acceptance.web;

import cn.tierup.acceptance.TransitionExports;
import cn.tierup.acceptance.Transitions;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.Field;
import cn.tierup.shared.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The grade transitions page: a unit (the user's own or a child), a field, the matrices with a chart, and the .xlsx. */
@Controller
class TransitionPageController {

    private final Transitions transitions;
    private final TransitionExports exports;
    private final ScopeGuard guard;

    TransitionPageController(Transitions transitions, TransitionExports exports, ScopeGuard guard) {
        this.transitions = transitions;
        this.exports = exports;
        this.guard = guard;
    }

    @GetMapping("/acceptance/transitions")
    String page(@RequestParam long campaign, @RequestParam(required = false) Long org,
                @RequestParam(required = false) String field, Model model) {
        long home = guard.currentUser().organizationId();
        long unit = org == null ? home : org;
        String f = TransitionApi.blankToNull(field);
        model.addAttribute("r", transitions.report(campaign, unit, f));
        // the units to pick: the user's own organisation and its children, and the one shown if it is deeper
        var units = new java.util.ArrayList<>(transitions.units(home));
        if (units.stream().noneMatch(e -> e.getKey() == unit)) {
            units.add(transitions.units(unit).get(0));
        }
        model.addAttribute("units", units);
        model.addAttribute("fields", Field.values());
        model.addAttribute("exportUrl", UriComponentsBuilder.fromPath("/acceptance/transitions/export.xlsx")
                .queryParam("campaign", campaign).queryParam("org", unit)
                .queryParamIfPresent("field", java.util.Optional.ofNullable(f)).build().toUriString());
        return "acceptance/transitions";
    }

    @GetMapping("/acceptance/transitions/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam long campaign, @RequestParam(required = false) Long org,
                                  @RequestParam(required = false) String field) {
        var wb = exports.workbook(campaign, org == null ? guard.currentUser().organizationId() : org,
                TransitionApi.blankToNull(field));
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }
}
