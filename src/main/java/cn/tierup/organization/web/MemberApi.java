package cn.tierup.organization.web;

import cn.tierup.organization.LeaveReason;
import cn.tierup.organization.MemberCategory;
import cn.tierup.organization.MemberCriteria;
import cn.tierup.organization.MemberDetails;
import cn.tierup.organization.MemberService;
import cn.tierup.organization.MemberStatus;
import cn.tierup.organization.MemberView;
import cn.tierup.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
@Tag(name = "党员", description = "党员名册：登记、修改、组织关系转接、出列；公民身份号码和电话按权限脱敏")
class MemberApi {

    private final MemberService members;

    MemberApi(MemberService members) {
        this.members = members;
    }

    @GetMapping("/orgs/{orgId}/members")
    @Operation(summary = "党组织的名册（subtree=true 含下级）")
    PageResult<MemberView> list(@PathVariable long orgId, @RequestParam(defaultValue = "false") boolean subtree,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) MemberCategory category,
                                @RequestParam(required = false) MemberStatus status,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return members.list(new MemberCriteria(orgId, subtree, q, category, status, page, size));
    }

    @PostMapping("/orgs/{orgId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    MemberView add(@PathVariable long orgId, @Valid @RequestBody MemberDetails details) {
        return members.add(orgId, details);
    }

    @GetMapping("/members/{id}")
    MemberView get(@PathVariable long id) {
        return members.get(id);
    }

    @PutMapping("/members/{id}")
    @Operation(summary = "修改（idNumber、phone 留空则保持原值）")
    MemberView update(@PathVariable long id, @Valid @RequestBody MemberUpdate body) {
        return members.update(id, body.member(), body.version());
    }

    @PostMapping("/members/{id}/transfer")
    MemberView transfer(@PathVariable long id, @Valid @RequestBody Transfer body) {
        return members.transfer(id, body.targetOrganizationId(), body.version());
    }

    @PostMapping("/members/{id}/leave")
    MemberView leave(@PathVariable long id, @Valid @RequestBody Leave body) {
        return members.leave(id, body.on(), body.reason(), body.version());
    }

    record MemberUpdate(@NotNull(message = "{field.required}") Long version,
                        @NotNull(message = "{member.name.required}") @Valid MemberDetails member) {
    }

    record Transfer(@NotNull(message = "{org.parent.required}") Long targetOrganizationId,
                    @NotNull(message = "{field.required}") Long version) {
    }

    record Leave(@NotNull(message = "{member.leave.required}") LocalDate on,
                 @NotNull(message = "{member.leave.required}") LeaveReason reason,
                 @NotNull(message = "{field.required}") Long version) {
    }
}
