package cn.tierup.organization.web;

import cn.tierup.organization.Crumb;
import cn.tierup.organization.Field;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.OrganizationCriteria;
import cn.tierup.organization.OrganizationDetails;
import cn.tierup.organization.OrganizationRow;
import cn.tierup.organization.OrganizationService;
import cn.tierup.organization.OrganizationView;
import cn.tierup.organization.TreeSummary;
import cn.tierup.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/orgs")
@Tag(name = "党组织", description = "组织树：查询、新增、修改、调整隶属关系、撤销、评定组织")
class OrganizationApi {

    private final OrganizationService organizations;

    OrganizationApi(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @Operation(summary = "在管理范围内查找党组织（under 指定子树）")
    PageResult<OrganizationRow> search(@RequestParam(required = false) Long under, @RequestParam(required = false) String q,
                                       @RequestParam(required = false) Field field, @RequestParam(required = false) OrgKind kind,
                                       @RequestParam(defaultValue = "false") boolean retired,
                                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return organizations.search(new OrganizationCriteria(under, q, field, kind, retired, page, size));
    }

    @GetMapping("/summary")
    @Operation(summary = "子树统计：组织数（按类别、领域）和党员数（按人员类别）")
    TreeSummary summary(@RequestParam(required = false) Long under) {
        return organizations.summary(under);
    }

    @GetMapping("/{id}")
    OrganizationView get(@PathVariable long id) {
        return organizations.get(id);
    }

    @GetMapping("/{id}/children")
    List<OrganizationRow> children(@PathVariable long id, @RequestParam(defaultValue = "false") boolean retired) {
        return organizations.children(id, retired);
    }

    @GetMapping("/{id}/trail")
    @Operation(summary = "从本人所在组织到该组织的路径")
    List<Crumb> trail(@PathVariable long id) {
        return organizations.trail(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增下级党组织")
    OrganizationView create(@Valid @RequestBody NewOrganization body) {
        return organizations.create(body.parentId(), body.organization(), body.gradingAuthorityId());
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改党组织信息（需提供读取时的 version）")
    OrganizationView update(@PathVariable long id, @Valid @RequestBody OrganizationUpdate body) {
        return organizations.update(id, body.organization(), body.version());
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "调整隶属关系（含全部下级）")
    OrganizationView move(@PathVariable long id, @Valid @RequestBody Move body) {
        return organizations.move(id, body.parentId(), body.version());
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "撤销党组织")
    OrganizationView retire(@PathVariable long id, @Valid @RequestBody Retire body) {
        return organizations.retire(id, body.on(), body.version());
    }

    @PutMapping("/{id}/authority")
    @Operation(summary = "设置评定组织（gradingAuthorityId 为空则恢复为上级党组织）")
    OrganizationView authority(@PathVariable long id, @Valid @RequestBody Authority body) {
        return organizations.changeGradingAuthority(id, body.gradingAuthorityId(), body.version());
    }

    record NewOrganization(@NotNull(message = "{org.parent.required}") Long parentId, Long gradingAuthorityId,
                           @NotNull(message = "{org.name.required}") @Valid OrganizationDetails organization) {
    }

    record OrganizationUpdate(@NotNull(message = "{field.required}") Long version,
                              @NotNull(message = "{org.name.required}") @Valid OrganizationDetails organization) {
    }

    record Move(@NotNull(message = "{org.parent.required}") Long parentId, @NotNull(message = "{field.required}") Long version) {
    }

    record Retire(LocalDate on, @NotNull(message = "{field.required}") Long version) {
    }

    record Authority(Long gradingAuthorityId, @NotNull(message = "{field.required}") Long version) {
    }
}
