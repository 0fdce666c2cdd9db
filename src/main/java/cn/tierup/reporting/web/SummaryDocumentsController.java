package cn.tierup.reporting.web;

import cn.tierup.acceptance.WorkSummaryView;
import cn.tierup.reporting.SummaryDocuments;
import cn.tierup.shared.Downloads;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A grading authority's 工作总结 as .docx and its figures as .xlsx, linked from the summary's page. */
@Controller
class SummaryDocumentsController {

    private final SummaryDocuments documents;

    SummaryDocumentsController(SummaryDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/acceptance/summaries/{campaign}/{authority}/summary.docx")
    ResponseEntity<byte[]> docx(@PathVariable long campaign, @PathVariable long authority) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkSummaryView s = documents.writeDocx(campaign, authority, out);
        return Downloads.file(s.year() + "年度工作总结-" + GradingTablesController.fileSafe(s.authorityName()) + ".docx",
                GradingTablesController.DOCX, out.toByteArray());
    }

    @GetMapping("/acceptance/summaries/{campaign}/{authority}/figures.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long campaign, @PathVariable long authority) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkSummaryView s = documents.writeXlsx(campaign, authority, out);
        return Downloads.xlsx(s.year() + "年度目标完成情况-" + GradingTablesController.fileSafe(s.authorityName()) + ".xlsx",
                out.toByteArray());
    }
}
