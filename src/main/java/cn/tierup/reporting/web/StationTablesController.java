package cn.tierup.reporting.web;

import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.grading.Grade;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.reporting.StationClassificationTables;
import cn.tierup.reporting.StationRegisterTable;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.Messages;
import cn.tierup.shared.ProblemPage;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 附件6 远程教育站点分类名单统计表 and 附件7 远程教育站点分类情况汇总表 on screen and as .xlsx, and the station register
 * as .xlsx. The organisation defaults to the user's own, the campaign to the current one.
 */
@Controller
class StationTablesController {

    private final StationClassificationTables tables;
    private final StationRegisterTable register;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final Messages messages;

    StationTablesController(StationClassificationTables tables, StationRegisterTable register, CampaignService campaigns,
                            ScopeGuard guard, Messages messages) {
        this.tables = tables;
        this.register = register;
        this.campaigns = campaigns;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/stations/tables")
    String page(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long org, Model model) {
        CampaignView c = campaigns.chosenOrCurrent(campaign).orElse(null);
        if (c == null) {
            return ProblemPage.show(model, 404, messages.get("campaign.none"));
        }
        long orgId = orgOrMine(org);
        model.addAttribute("c", c);
        model.addAttribute("s", tables.summary(c.id(), orgId));
        model.addAttribute("names", tables.names(c.id(), orgId));
        model.addAttribute("levels", Grade.values());
        model.addAttribute("labels", StationClassificationTables.LEVEL_LABELS);
        model.addAttribute("summaryNote", StationClassificationTables.SUMMARY_NOTE);
        model.addAttribute("listNote", StationClassificationTables.LIST_NOTE);
        return "stations/tables";
    }

    @GetMapping("/stations/tables/summary.xlsx")
    ResponseEntity<byte[]> summary(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.writeSummary(campaign, orgOrMine(org), out);
        return Downloads.xlsx(StationClassificationTables.SUMMARY_TITLE + ".xlsx", out.toByteArray());
    }

    @GetMapping("/stations/tables/names.xlsx")
    ResponseEntity<byte[]> names(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.writeNames(campaign, orgOrMine(org), out);
        return Downloads.xlsx(StationClassificationTables.LIST_TITLE + ".xlsx", out.toByteArray());
    }

    @GetMapping("/stations/grading/register.xlsx")
    ResponseEntity<byte[]> register(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) Grade level, @RequestParam(required = false) String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        register.write(orgOrMine(org), year, level, name, out);
        return Downloads.xlsx(StationRegisterTable.TITLE + ".xlsx", out.toByteArray());
    }

    private long orgOrMine(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }
}
