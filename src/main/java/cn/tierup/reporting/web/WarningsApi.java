package cn.tierup.reporting.web;

import cn.tierup.reporting.Warnings;
import cn.tierup.reporting.Cockpit;
import cn.tierup.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cockpit's early warnings (预警): the block in one request, its .xlsx, and 一键提醒 — a reminder to every
 * organisation a warning names, sent by the campaign's reminders. Scoped by the one guard.
 */
@RestController
@Tag(name = "工作看板")
class WarningsApi {

    private final Warnings warnings;
    private final Cockpit cockpit;

    WarningsApi(Warnings warnings, Cockpit cockpit) {
        this.warnings = warnings;
        this.cockpit = cockpit;
    }

    @GetMapping("/api/dashboard/warnings")
    @Operation(summary = "工作看板的预警：每条规则、口径、点名的党组织；org 缺省为本组织")
    Warnings.Report report(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return warnings.report(campaign, org);
    }

    @GetMapping("/api/dashboard/warnings/export.xlsx")
    @Operation(summary = "工作看板的预警（.xlsx，每条规则一张表）")
    ResponseEntity<byte[]> xlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return DashboardApi.download(warnings.asBlock(warnings.report(campaign, org)),
                cockpit.subject(campaign, org).campaign().name());
    }

    @PostMapping("/api/dashboard/warnings/{rule}/remind")
    @Operation(summary = "一键提醒：向该条预警点名的每个下级党组织发送提醒（显示在其首页）")
    Warnings.Sent remind(@Parameter(description = "预警规则，如 ledger-overdue") @PathVariable String rule,
                         @RequestParam long campaign, @RequestParam(required = false) Long org) {
        return warnings.remind(Warnings.Rule.ofSlug(rule).orElseThrow(() -> new NotFoundException("warning rule", rule)),
                campaign, org);
    }
}
