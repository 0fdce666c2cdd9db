package cn.tierup.acceptance.web;

import cn.tierup.acceptance.TransitionExports;
import cn.tierup.acceptance.Transitions;
import cn.tierup.acceptance.Transitions.TransitionReport;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The grade transitions under a unit over JSON and as .xlsx. */
@RestController
@RequestMapping("/api/acceptance/transitions")
@Tag(name = "等次变化", description = "年初定级×年末审定、上年年末审定×本年年初定级的等次变化矩阵，连续两年后进的党组织")
class TransitionApi {

    private final Transitions transitions;
    private final TransitionExports exports;
    private final ScopeGuard guard;

    TransitionApi(Transitions transitions, TransitionExports exports, ScopeGuard guard) {
        this.transitions = transitions;
        this.exports = exports;
        this.guard = guard;
    }

    @GetMapping
    @Operation(summary = "某单位（org，缺省为本组织）所属党组织的等次变化矩阵（field 筛选领域）：只计两个等次都已确定的党组织，其余分列为未审定")
    TransitionReport report(@RequestParam long campaign, @RequestParam(required = false) Long org,
                            @RequestParam(required = false) String field) {
        return transitions.report(campaign, org == null ? guard.currentUser().organizationId() : org, blankToNull(field));
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "等次变化矩阵和连续两年后进的党组织（.xlsx）")
    ResponseEntity<byte[]> export(@RequestParam long campaign, @RequestParam(required = false) Long org,
                                  @RequestParam(required = false) String field) {
        var wb = exports.workbook(campaign, org == null ? guard.currentUser().organizationId() : org, blankToNull(field));
        return Downloads.xlsx(wb.fileName(), wb.bytes());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
