package cn.tierup.reporting.web;

import cn.tierup.identity.ScopeGuard;
import cn.tierup.pledge.BoardView;
import cn.tierup.pledge.PledgeSheet;
import cn.tierup.reporting.PledgeDocuments;
import cn.tierup.shared.Downloads;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 附件9 基层党组织公开承诺书 and 附件10 党员公开承诺书 as .docx — pages of the form-login chain, linked from an
 * organisation's pledge page. The organisation defaults to the user's own.
 */
@Controller
class PledgeDocumentsController {

    private final PledgeDocuments documents;
    private final ScopeGuard guard;

    PledgeDocumentsController(PledgeDocuments documents, ScopeGuard guard) {
        this.documents = documents;
        this.guard = guard;
    }

    @GetMapping("/pledges/document.docx")
    ResponseEntity<byte[]> organisation(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BoardView b = documents.writeOrganisation(campaign, orgOrMine(org), out);
        return docx(PledgeDocuments.ORGANISATION_TITLE, b.organizationName(), out);
    }

    @GetMapping("/pledges/members/{member}/document.docx")
    ResponseEntity<byte[]> member(@PathVariable long member, @RequestParam long campaign, @RequestParam(required = false) Long org) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PledgeSheet p = documents.writeMember(campaign, orgOrMine(org), member, out);
        return docx(PledgeDocuments.MEMBER_TITLE, p.pledgerName(), out);
    }

    /** 标题-名称.docx, as 附件8 is named. */
    private static ResponseEntity<byte[]> docx(String title, String name, ByteArrayOutputStream out) {
        return Downloads.file(title + "-" + GradingTablesController.fileSafe(name) + ".docx", GradingTablesController.DOCX,
                out.toByteArray());
    }

    private long orgOrMine(Long org) {
        return org == null ? guard.currentUser().organizationId() : org;
    }
}
