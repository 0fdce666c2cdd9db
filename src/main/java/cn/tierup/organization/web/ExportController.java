package cn.tierup.organization.web;

import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.Field;
import cn.tierup.organization.MemberCategory;
import cn.tierup.organization.MemberCriteria;
import cn.tierup.organization.MemberStatus;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.OrganizationCriteria;
import cn.tierup.organization.SpreadsheetExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;

import java.time.LocalDate;


import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads of the organisation list and the member roll, for the pages and the API alike. */
@RestController
@Tag(name = "导出", description = "党组织名单、党员名册 .xlsx，范围与页面相同")
class ExportController {

    private final SpreadsheetExport export;
    private final ScopeGuard guard;

    ExportController(SpreadsheetExport export, ScopeGuard guard) {
        this.export = export;
        this.guard = guard;
    }

    @GetMapping({"/orgs/export.xlsx", "/api/orgs/export.xlsx"})
    @Operation(summary = "导出党组织名单")
    ResponseEntity<byte[]> organizations(@RequestParam(required = false) Long under, @RequestParam(required = false) String q,
                                         @RequestParam(required = false) Field field, @RequestParam(required = false) OrgKind kind,
                                         @RequestParam(defaultValue = "false") boolean retired) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.organizations(new OrganizationCriteria(under, q, field, kind, retired, 0, 0), out);
        return file("党组织名单-" + LocalDate.now() + ".xlsx", out.toByteArray());
    }

    @GetMapping({"/members/export.xlsx", "/api/members/export.xlsx"})
    @Operation(summary = "导出党员名册")
    ResponseEntity<byte[]> members(@RequestParam(required = false) Long org, @RequestParam(defaultValue = "true") boolean subtree,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) MemberCategory category,
                                   @RequestParam(required = false) MemberStatus status) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.members(new MemberCriteria(orgId, subtree, q, category, status, 0, 0), out);
        return file("党员名册-" + LocalDate.now() + ".xlsx", out.toByteArray());
    }

    private static ResponseEntity<byte[]> file(String name, byte[] bytes) {
        return cn.tierup.shared.Downloads.xlsx(name, bytes);
    }
}
