package cn.tierup.acceptance.web;

import cn.tierup.acceptance.YearEndReviewContent;
import cn.tierup.acceptance.YearEndReviewView;
import cn.tierup.acceptance.YearEndReviews;
import cn.tierup.acceptance.internal.ReviewQueries.Row;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/acceptance/reviews")
@Tag(name = "总结验收：自查初评和上级审评", description = "争创工作自查报告、党员大会初评、提交与退回、上级审定年末等次和重新审评")
class ReviewApi {

    private final YearEndReviews reviews;

    ReviewApi(YearEndReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/{campaignId}")
    @Operation(summary = "评定组织（默认本组织）年初定级的党组织及其自查初评、年末审定情况；可按状态、领域、名称筛选")
    List<Row> list(@PathVariable long campaignId, @RequestParam(required = false) Long authority,
                   @RequestParam(required = false) String status, @RequestParam(required = false) String field,
                   @RequestParam(required = false) String name) {
        return reviews.list(campaignId, authority, status, field, name);
    }

    @GetMapping("/{campaignId}/{orgId}")
    @Operation(summary = "一个党组织的自查初评：年初等次、争创目标措施及完成情况、党员大会、系统统计的台账、承诺、满意度和民主测评、年末审定")
    YearEndReviewView get(@PathVariable long campaignId, @PathVariable long orgId) {
        return reviews.get(campaignId, orgId);
    }

    @PutMapping("/{campaignId}/{orgId}")
    @Operation(summary = "保存自查初评草稿（version 为读取时的版本）；录入党员大会时按党员评议的规则检查并得出初评等次")
    YearEndReviewView save(@PathVariable long campaignId, @PathVariable long orgId,
                           @Valid @RequestBody YearEndReviewContent content) {
        return reviews.save(campaignId, orgId, content);
    }

    @PostMapping("/{campaignId}/{orgId}/submit")
    @Operation(summary = "保存并提交评定组织审评（须已召开党员大会提出初评等次；截止后仍可提交，标记为逾期）")
    YearEndReviewView submit(@PathVariable long campaignId, @PathVariable long orgId,
                             @Valid @RequestBody YearEndReviewContent content) {
        return reviews.handIn(campaignId, orgId, content);
    }

    @PostMapping("/{campaignId}/{orgId}/return")
    @Operation(summary = "评定组织退回自查初评并说明原因")
    YearEndReviewView returnForRevision(@PathVariable long campaignId, @PathVariable long orgId,
                                        @Valid @RequestBody Reason body) {
        return reviews.returnForRevision(campaignId, orgId, body.reason());
    }

    @PostMapping("/{campaignId}/{orgId}/decision")
    @Operation(summary = "评定组织审定年末等次（与初评等次不同时须写明理由）；只有评定组织本级账户可以审定")
    YearEndReviewView decide(@PathVariable long campaignId, @PathVariable long orgId, @Valid @RequestBody Decision body) {
        return reviews.decide(campaignId, orgId, body.grade(), body.reason(), body.version());
    }

    @PostMapping("/{campaignId}/{orgId}/reopen")
    @Operation(summary = "评定组织撤销已审定的年末等次并说明原因，重新审评")
    YearEndReviewView reopen(@PathVariable long campaignId, @PathVariable long orgId, @Valid @RequestBody ReopenReason body) {
        return reviews.reopen(campaignId, orgId, body.reason());
    }

    record Reason(@NotBlank(message = "{acceptance.review.return.reason}") @Size(max = 2000, message = "{field.tooLong}") String reason) {
    }

    record ReopenReason(@NotBlank(message = "{acceptance.review.reopen.reason}") @Size(max = 2000, message = "{field.tooLong}") String reason) {
    }

    record Decision(@NotBlank(message = "{acceptance.review.grade.required}") String grade,
                    @Size(max = 2000, message = "{field.tooLong}") String reason, Long version) {
    }
}
