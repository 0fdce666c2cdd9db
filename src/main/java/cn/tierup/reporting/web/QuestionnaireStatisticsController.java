package cn.tierup.reporting.web;

import cn.tierup.reporting.QuestionnaireStatisticsTable;
import cn.tierup.shared.Downloads;
import java.io.ByteArrayOutputStream;



import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 问卷调查统计表 as .xlsx, for the page and the API. */
@RestController
class QuestionnaireStatisticsController {

    private final QuestionnaireStatisticsTable table;

    QuestionnaireStatisticsController(QuestionnaireStatisticsTable table) {
        this.table = table;
    }

    @GetMapping({"/questionnaires/{id}/statistics.xlsx", "/api/questionnaires/{id}/statistics.xlsx"})
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(id, out);
        return Downloads.xlsx("问卷调查统计表.xlsx", out.toByteArray());
    }

    @GetMapping("/questionnaires/rollup.xlsx")
    ResponseEntity<byte[]> rollupPage(@RequestParam long campaign, @RequestParam long org, @RequestParam long template) {
        return rollup(campaign, org, template);
    }

    @GetMapping("/api/campaigns/{campaignId}/orgs/{orgId}/questionnaire-rollup.xlsx")
    ResponseEntity<byte[]> rollupApi(@PathVariable long campaignId, @PathVariable long orgId, @RequestParam long template) {
        return rollup(campaignId, orgId, template);
    }

    private ResponseEntity<byte[]> rollup(long campaign, long org, long template) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeRollup(campaign, org, template, out);
        return Downloads.xlsx("问卷汇总统计表.xlsx", out.toByteArray());
    }
}
