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
import cn.tierup.shared.Downloads;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of the organisation list and the member roll, for the pages and the API alike, written to the client
 * as they are made: a province's roll never sits in memory as a whole file.
 */
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
    @Operation(summary = "导出党组织名单", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    void organizations(@RequestParam(required = false) Long under, @RequestParam(required = false) String q,
                       @RequestParam(required = false) Field field, @RequestParam(required = false) OrgKind kind,
                       @RequestParam(defaultValue = "false") boolean retired, HttpServletResponse response) {
        export.organizations(new OrganizationCriteria(under, q, field, kind, retired, 0, 0),
                Downloads.xlsx("党组织名单-" + LocalDate.now() + ".xlsx", response));
    }

    @GetMapping({"/members/export.xlsx", "/api/members/export.xlsx"})
    @Operation(summary = "导出党员名册", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
    void members(@RequestParam(required = false) Long org, @RequestParam(defaultValue = "true") boolean subtree,
                 @RequestParam(required = false) String q, @RequestParam(required = false) MemberCategory category,
                 @RequestParam(required = false) MemberStatus status, HttpServletResponse response) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        export.members(new MemberCriteria(orgId, subtree, q, category, status, 0, 0),
                Downloads.xlsx("党员名册-" + LocalDate.now() + ".xlsx", response));
    }
}
