package cn.tierup.reporting.web;

import cn.tierup.grading.CaseView;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.OrganizationService;
import cn.tierup.reporting.ClassificationTables;
import cn.tierup.reporting.DeclarationForm;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.KeptFigures;
import java.io.ByteArrayOutputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 附件4 分类情况汇总表 and 附件3 分类名单统计表 on screen and as .xlsx, and 附件8 分类定级申报表 of one
 * organisation as .docx — pages of the form-login chain. The organisation defaults to the user's own.
 */
@Controller
class GradingTablesController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ClassificationTables tables;
    private final DeclarationForm declaration;
    private final OrganizationService organizations;
    private final ScopeGuard guard;

    GradingTablesController(ClassificationTables tables, DeclarationForm declaration, OrganizationService organizations,
                            ScopeGuard guard) {
        this.tables = tables;
        this.declaration = declaration;
        this.organizations = organizations;
        this.guard = guard;
    }

    @GetMapping("/grading/tables")
    String page(@RequestParam long campaign, @RequestParam(required = false) Long org, Model model) {
        long orgId = orgOrMine(org);
        KeptFigures.Kept<ClassificationTables.Both> kept = tables.page(campaign, orgId);
        ClassificationTables.Both both = kept.value();
        model.addAttribute("kept", kept);
        model.addAttribute("c", both.summary().campaign());
        model.addAttribute("org", organizations.get(orgId));
        model.addAttribute("trail", organizations.trail(orgId));
        model.addAttribute("s", both.summary());
        model.addAttribute("names", both.names());
        return "grading/tables";
    }

    @GetMapping("/grading/tables/summary.xlsx")
    ResponseEntity<byte[]> summary(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.writeSummary(campaign, orgOrMine(org), out);
        return Downloads.xlsx(ClassificationTables.SUMMARY_TITLE + ".xlsx", out.toByteArray());
    }

    @GetMapping("/grading/tables/names.xlsx")
    ResponseEntity<byte[]> names(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tables.writeNames(campaign, orgOrMine(org), out);
        return Downloads.xlsx(ClassificationTables.NAMES_TITLE + ".xlsx", out.toByteArray());
    }

    @GetMapping("/grading/case/declaration.docx")
    ResponseEntity<byte[]> declaration(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CaseView k = declaration.write(campaign, orgOrMine(org), out);
        String name = fileSafe(k.org().organizationName());
        return Downloads.file(DeclarationForm.TITLE + "-" + name + ".docx", DOCX, out.toByteArray());
    }

    private long orgOrMine(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }

    /** Organisation names are Chinese words, but a slash or the like must not reach a file name. */
    static String fileSafe(String name) {
        return name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }
}
