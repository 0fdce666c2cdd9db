package cn.tierup.reporting.web;

import cn.tierup.reporting.Bulletins;
import cn.tierup.reporting.internal.BulletinStore.Issued;
import cn.tierup.shared.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 情况通报 over the API: the list of an organisation's bulletins, issuing the next one, and an issued .docx as stored. */
@RestController
@Tag(name = "情况通报", description = "上级党组织按期签发的工作进展情况通报，签发时冻结")
class BulletinsApi {

    private final Bulletins bulletins;

    BulletinsApi(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    /** The 第N期 the user confirmed: another issue in between, or a second press, is refused. */
    record IssueForm(@NotNull(message = "{field.required}") Long campaign,
                     @NotNull(message = "{field.required}") Integer number) {
    }

    @GetMapping("/api/dashboard/bulletins")
    @Operation(summary = "一个党组织在本年度活动中签发的情况通报（org 缺省为本组织；本组织及其上级可查看）")
    Bulletins.Listing list(@RequestParam long campaign, @RequestParam(required = false) Long org) {
        return bulletins.list(campaign, org);
    }

    @PostMapping("/api/dashboard/bulletins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "签发本组织的下一期情况通报：number 为确认签发的期号；日期为服务器当前时间，不可指定")
    Bulletins.Entry issue(@Valid @RequestBody IssueForm form) {
        return bulletins.issue(form.campaign(), form.number());
    }

    @GetMapping("/api/dashboard/bulletins/{id}.docx")
    @Operation(summary = "下载已签发的情况通报（.docx，与签发时完全一致）")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        Issued b = bulletins.find(id);
        return Downloads.file(Bulletins.fileName(b), GradingTablesController.DOCX, bulletins.document(id));
    }
}
