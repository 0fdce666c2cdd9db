package cn.tierup.audit.web;

import cn.tierup.audit.AuditEntryView;
import cn.tierup.audit.AuditQuery;
import cn.tierup.audit.AuditTrail;
import cn.tierup.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "审计日志", description = "只读：谁、何时、改了什么、改前改后")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "按党组织（含下级）、操作人、日期筛选审计记录")
    PageResult<AuditEntryView> find(@RequestParam(required = false) Long org, @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return trail.find(new AuditQuery(org, actor, from, to, page, size));
    }
}
