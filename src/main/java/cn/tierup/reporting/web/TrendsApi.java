package cn.tierup.reporting.web;

import cn.tierup.reporting.Cockpit;
import cn.tierup.reporting.Trends;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 历年对比 as a cockpit block: the page draws it as the cockpit does, and it downloads as the cockpit's blocks do. */
@RestController
@Tag(name = "工作看板", description = "本组织及下级的活动进度，每个板块一次请求")
class TrendsApi {

    private final Trends trends;
    private final Cockpit cockpit;

    TrendsApi(Trends trends, Cockpit cockpit) {
        this.trends = trends;
        this.cockpit = cockpit;
    }

    @GetMapping("/api/dashboard/trends")
    @Operation(summary = "历年对比：近 5 个年度的年初定级等次分布、年末审定等次分布与各项比率；org 缺省为本组织")
    Cockpit.Block block(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return trends.block(campaign, org);
    }

    @GetMapping("/api/dashboard/trends/export.xlsx")
    @Operation(summary = "历年对比的数据（.xlsx，中文表头）")
    ResponseEntity<byte[]> xlsx(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return DashboardApi.download(trends.block(campaign, org), cockpit.subject(campaign, org).campaign().name());
    }
}
