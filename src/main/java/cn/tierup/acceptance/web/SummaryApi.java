package cn.tierup.acceptance.web;

import cn.tierup.acceptance.WorkSummaries;
import cn.tierup.acceptance.WorkSummaryRow;
import cn.tierup.acceptance.WorkSummaryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.*;

/**
 * The 工作总结 over JSON: the list of a campaign's grading authorities, one authority's summary with the year's
 * figures, writing its three parts (a request that carries figures is refused), handing it in, and the root's
 * acceptance or return. The rules are {@link WorkSummaries}'.
 */
@RestController
@RequestMapping("/api/acceptance/summaries")
@Tag(name = "总结验收·工作总结", description = "各评定组织的年度工作总结：先进占比、提升率、升级率、转化率对照年度目标，报送、退回、通过")
class SummaryApi {

    private final WorkSummaries summaries;

    SummaryApi(WorkSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/{campaignId}")
    @Operation(summary = "本组织及下级中各评定组织的工作总结及报送情况")
    List<WorkSummaryRow> list(@PathVariable long campaignId) {
        return summaries.list(campaignId);
    }

    @GetMapping("/{campaignId}/{authorityId}")
    @Operation(summary = "评定组织的工作总结及当年数据（按领域、单位，对照目标）")
    WorkSummaryView get(@PathVariable long campaignId, @PathVariable long authorityId) {
        return summaries.get(campaignId, authorityId);
    }

    @PutMapping("/{campaignId}/{authorityId}")
    @Operation(summary = "保存主要成绩和经验、存在问题、下步打算（数据由系统计算，不能填写）")
    WorkSummaryView save(@PathVariable long campaignId, @PathVariable long authorityId, @RequestBody Map<String, Object> body) {
        return summaries.save(campaignId, authorityId, SummaryBody.text(body));
    }

    @PostMapping("/{campaignId}/{authorityId}/hand-in")
    @Operation(summary = "报送活动党组织的组织部门（可同时保存文字部分）")
    WorkSummaryView handIn(@PathVariable long campaignId, @PathVariable long authorityId,
                           @RequestBody(required = false) Map<String, Object> body) {
        return summaries.handIn(campaignId, authorityId, SummaryBody.text(body));
    }

    @PostMapping("/{campaignId}/{authorityId}/accept")
    @Operation(summary = "活动党组织通过报送的工作总结")
    WorkSummaryView accept(@PathVariable long campaignId, @PathVariable long authorityId) {
        return summaries.accept(campaignId, authorityId);
    }

    @PostMapping("/{campaignId}/{authorityId}/return")
    @Operation(summary = "活动党组织退回报送的工作总结（须写明原因）")
    WorkSummaryView returnForRevision(@PathVariable long campaignId, @PathVariable long authorityId,
                                      @RequestBody Reason body) {
        return summaries.returnForRevision(campaignId, authorityId, body.reason());
    }

    record Reason(String reason) {
    }
}
