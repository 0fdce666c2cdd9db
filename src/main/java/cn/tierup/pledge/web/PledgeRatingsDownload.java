package cn.tierup.pledge.web;

import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.PledgeExports;
import cn.tierup.pledge.Pledges;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.xlsx.Workbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The residents' counted ratings of an organisation's pledges and of each member's, as .xlsx (the board page's table). */
@Controller
class PledgeRatingsDownload {

    private final Pledges pledges;
    private final PledgeExports exports;
    private final ScopeGuard guard;

    PledgeRatingsDownload(Pledges pledges, PledgeExports exports, ScopeGuard guard) {
        this.pledges = pledges;
        this.exports = exports;
        this.guard = guard;
    }

    @GetMapping("/pledges/ratings.xlsx")
    ResponseEntity<byte[]> ratings(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        Workbook w = exports.ratings(pledges.get(campaign, org == null ? guard.currentUser().organizationId() : org));
        return Downloads.xlsx(w.fileName(), w.bytes());
    }
}
