package cn.tierup.reporting.web;

import cn.tierup.reporting.QuestionnaireStatisticsTable;
import cn.tierup.shared.Downloads;
import java.io.ByteArrayOutputStream;



import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
}
