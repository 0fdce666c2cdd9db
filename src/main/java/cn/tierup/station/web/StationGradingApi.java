package cn.tierup.station.web;

import cn.tierup.grading.Grade;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.PageResult;
import cn.tierup.station.StationGradingRound;
import cn.tierup.station.StationGradingView;
import cn.tierup.station.StationGradings;
import cn.tierup.station.StationGradingLine;
import cn.tierup.station.StationRegisterLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.*;

/**
 * 远程教育站点分类 over JSON: the host's self-assessment, the authority's decision, the overview — each of the round
 * named by {@code ?round=} (年初定级 by default, or 年末审定) — and the register with both grades of a year.
 */
@RestController
@RequestMapping("/api/station-gradings")
@Tag(name = "远程教育站点分类", description = "承办党组织对照站点分类标准自评并上报，评定组织评定先进、一般、后进站点；分类台账")
class StationGradingApi {

    /** The query parameter every station grading route takes. */
    private static final String ROUND = "START：年初定级（默认，分类定级阶段）；YEAR_END：年末审定（总结验收阶段，须已有年初评定的等次）";

    private final StationGradings gradings;
    private final ScopeGuard guard;

    StationGradingApi(StationGradings gradings, ScopeGuard guard) {
        this.gradings = gradings;
        this.guard = guard;
    }

    @GetMapping
    @Operation(summary = "某组织（默认本组织）及其下级承办的站点在本活动中的分类情况")
    PageResult<StationGradingLine> list(@RequestParam long campaign, @Parameter(description = ROUND) @RequestParam(defaultValue = "START") StationGradingRound round,
                                        @RequestParam(required = false) Long org,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String name,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return gradings.list(campaign, round, orgOrMine(org), status, name, PageResult.clampPage(page), PageResult.clampSize(size));
    }

    @GetMapping("/register")
    @Operation(summary = "站点分类台账：历年年初定级和年末审定的站点等次、评定人、时间和理由")
    PageResult<StationRegisterLine> register(@RequestParam(required = false) Long org,
                                                            @RequestParam(required = false) Integer year,
                                                            @RequestParam(required = false) Grade level,
                                                            @RequestParam(required = false) String name,
                                                            @RequestParam(required = false) Integer page,
                                                            @RequestParam(required = false) Integer size) {
        return gradings.register(orgOrMine(org), year, level, name, PageResult.clampPage(page), PageResult.clampSize(size));
    }

    @GetMapping("/{campaign}/{station}")
    @Operation(summary = "一个站点在本活动中的分类：标准、自查评分表、自评等次、评定结果")
    StationGradingView get(@PathVariable long campaign, @PathVariable long station,
                           @Parameter(description = ROUND) @RequestParam(defaultValue = "START") StationGradingRound round) {
        return gradings.get(campaign, station, round);
    }

    @PutMapping("/{campaign}/{station}/self-assessment")
    @Operation(summary = "承办党组织保存站点自查评分表：scores 以“维度序号.细则序号”为键，vetoes 为命中的一票否决序号，附自评说明")
    StationGradingView assess(@PathVariable long campaign, @PathVariable long station,
                              @Parameter(description = ROUND) @RequestParam(defaultValue = "START") StationGradingRound round, @Valid @RequestBody Sheet body) {
        return gradings.assess(campaign, station, round, new StationGradings.Assessment(body.scores(), body.vetoes(), body.statement()),
                body.version());
    }

    @PostMapping("/{campaign}/{station}/submit")
    @Operation(summary = "承办党组织将站点自评上报评定组织")
    StationGradingView submit(@PathVariable long campaign, @PathVariable long station,
                              @Parameter(description = ROUND) @RequestParam(defaultValue = "START") StationGradingRound round, @Valid @RequestBody Versioned body) {
        return gradings.submit(campaign, station, round, body.version());
    }

    @PostMapping("/{campaign}/{station}/decision")
    @Operation(summary = "评定组织评定站点等次（与自评等次不同时须写明理由；承办党组织不能评定本单位站点）")
    StationGradingView decide(@PathVariable long campaign, @PathVariable long station,
                              @Parameter(description = ROUND) @RequestParam(defaultValue = "START") StationGradingRound round, @Valid @RequestBody Decision body) {
        return gradings.decide(campaign, station, round, body.grade(), body.reason(), body.version());
    }

    @PostMapping("/{campaign}/{station}/reopen")
    @Operation(summary = "评定组织撤回评定并写明原因；toHost 为 true 时退回承办党组织重新自评")
    StationGradingView reopen(@PathVariable long campaign, @PathVariable long station,
                              @Parameter(description = ROUND) @RequestParam(defaultValue = "START") StationGradingRound round, @Valid @RequestBody Reopen body) {
        return gradings.reopen(campaign, station, round, body.reason(), Boolean.TRUE.equals(body.toHost()), body.version());
    }

    private long orgOrMine(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }

    record Sheet(Map<String, Integer> scores, Set<@NotNull(message = "{field.nullItem}") Integer> vetoes, String statement,
                 @NotNull(message = "{field.required}") Long version) {
    }

    record Versioned(@NotNull(message = "{field.required}") Long version) {
    }

    record Decision(String grade, String reason, @NotNull(message = "{field.required}") Long version) {
    }

    record Reopen(String reason, Boolean toHost, @NotNull(message = "{field.required}") Long version) {
    }
}
