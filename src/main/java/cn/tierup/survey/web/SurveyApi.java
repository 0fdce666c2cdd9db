package cn.tierup.survey.web;

import cn.tierup.shared.DomainException;
import cn.tierup.survey.ActivityEntry;
import cn.tierup.survey.ReportContent;
import cn.tierup.survey.ReportView;
import cn.tierup.survey.SurveyActivities;
import cn.tierup.survey.SurveyActivity;
import cn.tierup.survey.SurveyReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;

import java.util.List;


import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Tag(name = "现状大调查", description = "自查报告、专题调研报告（填写、附件、提交、审核）和调查工作记录")
class SurveyApi {

    private final SurveyReports reports;
    private final SurveyActivities activities;

    SurveyApi(SurveyReports reports, SurveyActivities activities) {
        this.reports = reports;
        this.activities = activities;
    }

    @GetMapping("/campaigns/{campaignId}/orgs/{orgId}/report")
    @Operation(summary = "该党组织在本活动中应报的报告（自查报告或专题调研报告）")
    ReportView owed(@PathVariable long campaignId, @PathVariable long orgId) {
        return reports.owed(campaignId, orgId);
    }

    @PutMapping("/campaigns/{campaignId}/orgs/{orgId}/report")
    @Operation(summary = "保存草稿（version 为读取时的版本，防止覆盖他人的修改）")
    ReportView save(@PathVariable long campaignId, @PathVariable long orgId, @Valid @RequestBody ReportContent content) {
        return reports.save(campaignId, orgId, content);
    }

    @PostMapping("/campaigns/{campaignId}/orgs/{orgId}/report/submit")
    @Operation(summary = "保存并提交上级审核（截止后仍可提交，标记为逾期）")
    ReportView submit(@PathVariable long campaignId, @PathVariable long orgId, @Valid @RequestBody ReportContent content) {
        return reports.submit(campaignId, orgId, content);
    }

    @GetMapping("/reports/{id}")
    ReportView get(@PathVariable long id) {
        return reports.get(id);
    }

    @PostMapping("/reports/{id}/accept")
    @Operation(summary = "上级通过报告（通过后不能再修改）")
    ReportView accept(@PathVariable long id) {
        return reports.accept(id);
    }

    @PostMapping("/reports/{id}/return")
    @Operation(summary = "上级退回报告并说明原因")
    ReportView returnForRevision(@PathVariable long id, @Valid @RequestBody Reason body) {
        return reports.returnForRevision(id, body.reason());
    }

    @PostMapping(path = "/campaigns/{campaignId}/orgs/{orgId}/report/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传附件（PDF、Word、Excel、图片，≤10MB，内容须与扩展名相符）")
    ReportView.AttachmentView attach(@PathVariable long campaignId, @PathVariable long orgId,
                                     @RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new DomainException("attachment.empty");
        }
        return reports.attach(campaignId, orgId, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        SurveyReports.Download d = reports.download(id);
        return cn.tierup.shared.Downloads.file(d.fileName(), MediaType.parseMediaType(d.contentType()), d.bytes());
    }

    @DeleteMapping("/attachments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(@PathVariable long id) {
        reports.detach(id);
    }

    @GetMapping("/campaigns/{campaignId}/orgs/{orgId}/activities")
    @Operation(summary = "调查工作记录")
    List<SurveyActivity> activities(@PathVariable long campaignId, @PathVariable long orgId) {
        return activities.of(campaignId, orgId);
    }

    @PostMapping("/campaigns/{campaignId}/orgs/{orgId}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记一条调查工作记录（座谈会、入户走访、个别访谈、问卷、案例剖析、民主测评）")
    SurveyActivity record(@PathVariable long campaignId, @PathVariable long orgId, @Valid @RequestBody ActivityEntry entry) {
        return activities.record(campaignId, orgId, entry);
    }

    @DeleteMapping("/activities/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id) {
        activities.remove(id);
    }

    record Reason(@NotBlank(message = "{report.return.reason}") String reason) {
    }
}
