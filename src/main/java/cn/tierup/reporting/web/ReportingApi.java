package cn.tierup.reporting.web;

import cn.tierup.reporting.StationSurveyTable;
import cn.tierup.reporting.SurveySummaryTable;
import cn.tierup.survey.SurveyFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "汇总表", description = "由记录逐级汇总的统计表")
class ReportingApi {

    private final SurveySummaryTable table;
    private final StationSurveyTable stations;

    ReportingApi(SurveySummaryTable table, StationSurveyTable stations) {
        this.table = table;
        this.stations = stations;
    }

    @GetMapping("/api/campaigns/{campaignId}/orgs/{orgId}/station-survey-summary")
    @Operation(summary = "远程教育现状大调查情况汇总表（附件5）：每个下级一行、本级一行、合计")
    StationSurveyTable.Summary stationSummary(@PathVariable long campaignId, @PathVariable long orgId) {
        return stations.summary(campaignId, orgId);
    }

    @GetMapping("/api/campaigns/{campaignId}/orgs/{orgId}/survey-summary")
    @Operation(summary = "大调查情况汇总表（附件2）：每个下级一行、本级一行、合计")
    SurveyFigures.Summary summary(@PathVariable long campaignId, @PathVariable long orgId) {
        return table.summary(campaignId, orgId);
    }

    @GetMapping("/api/campaigns/{campaignId}/orgs/{orgId}/survey-summary.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long campaignId, @PathVariable long orgId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(campaignId, orgId, out);
        return ResponseEntity.ok().contentType(SurveySummaryController.XLSX).body(out.toByteArray());
    }
}
