package cn.tierup.reporting.web;

import cn.tierup.reporting.Cockpit;
import cn.tierup.reporting.CockpitWorkbook;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cockpit's data, one request per block: the page fetches each block here (with its session) and draws the chart
 * and the table from the answer; API clients read the same with their credentials. Scoped by the one guard.
 */
@RestController
@Tag(name = "工作看板", description = "本组织及下级的活动进度，每个板块一次请求")
class DashboardApi {

    private final Cockpit cockpit;

    DashboardApi(Cockpit cockpit) {
        this.cockpit = cockpit;
    }

    @GetMapping("/api/dashboard/{block}")
    @Operation(summary = "工作看板的一个板块：calendar 阶段安排、survey 自查报告、questionnaires 问卷配额、grading 对标定级、"
            + "upgrade 晋位升级、pledges 公开承诺、year-end 年末比率；org 缺省为本组织")
    Cockpit.Block block(@Parameter(description = "板块") @PathVariable String block, @RequestParam long campaign,
                        @RequestParam(required = false) Long org) {
        return cockpit.block(kind(block), campaign, org);
    }

    @GetMapping("/api/dashboard/{block}/export.xlsx")
    @Operation(summary = "工作看板一个板块的数据（.xlsx，中文表头）")
    ResponseEntity<byte[]> xlsx(@PathVariable String block, @RequestParam long campaign,
                                @RequestParam(required = false) Long org) {
        return download(cockpit.block(kind(block), campaign, org), cockpit.subject(campaign, org).campaign().name());
    }

    /** A block as the .xlsx every cockpit page downloads (the blocks here, 历年对比, 预警). */
    static ResponseEntity<byte[]> download(Cockpit.Block b, String campaignName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CockpitWorkbook.write(b, campaignName, out);
        return Downloads.xlsx(CockpitWorkbook.fileName(b), out.toByteArray());
    }

    private static Cockpit.BlockKind kind(String slug) {
        return Cockpit.BlockKind.ofSlug(slug).orElseThrow(() -> new NotFoundException("dashboard block", slug));
    }
}
