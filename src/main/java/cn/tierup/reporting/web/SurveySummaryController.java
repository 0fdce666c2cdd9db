package cn.tierup.reporting.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.reporting.SurveySummaryTable;
import cn.tierup.shared.Downloads;
import java.io.ByteArrayOutputStream;



import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 大调查情况汇总表 on screen and as .xlsx. */
@Controller
class SurveySummaryController {

    static final MediaType XLSX = Downloads.XLSX;

    private final SurveySummaryTable table;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final ScopeGuard guard;

    SurveySummaryController(SurveySummaryTable table, CampaignService campaigns, OrganizationService organizations,
                            ScopeGuard guard) {
        this.table = table;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.guard = guard;
    }

    @GetMapping("/survey/summary")
    String page(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("c", campaigns.get(campaign));
        model.addAttribute("org", organizations.get(orgId));
        model.addAttribute("trail", organizations.trail(orgId));
        var kept = table.page(campaign, orgId);
        model.addAttribute("s", kept.value());
        model.addAttribute("kept", kept);
        return "survey/summary";
    }

    @GetMapping("/survey/summary.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(campaign, orgId, out);
        return Downloads.xlsx("基层党组织现状大调查情况汇总表.xlsx", out.toByteArray());
    }
}
