package cn.tierup.reporting.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.reporting.StationSurveyTable;
import cn.tierup.shared.Downloads;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 附件5 远程教育现状大调查情况汇总表 on screen and as .xlsx. */
@Controller
class StationSurveyController {

    private final StationSurveyTable table;
    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final ScopeGuard guard;

    StationSurveyController(StationSurveyTable table, CampaignService campaigns, OrganizationService organizations,
                            ScopeGuard guard) {
        this.table = table;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.guard = guard;
    }

    @GetMapping("/survey/station-summary")
    String page(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        model.addAttribute("s", table.summary(campaign, orgId));
        model.addAttribute("c", campaigns.get(campaign));
        model.addAttribute("org", organizations.get(orgId));
        model.addAttribute("trail", organizations.trail(orgId));
        model.addAttribute("headers", table.headers());
        model.addAttribute("notes", StationSurveyTable.NOTES);
        return "survey/station-summary";
    }

    @GetMapping("/survey/station-summary.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(campaign, orgId, out);
        return Downloads.xlsx("全市远程教育现状大调查情况汇总表.xlsx", out.toByteArray());
    }
}
