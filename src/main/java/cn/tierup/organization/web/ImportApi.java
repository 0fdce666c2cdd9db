package cn.tierup.organization.web;

import cn.tierup.organization.ImportJobs;
import cn.tierup.organization.ImportKind;
import cn.tierup.organization.ImportProgress;
import cn.tierup.organization.ImportResult;
import cn.tierup.organization.ImportPreview;
import cn.tierup.organization.ImportRejectedException;
import cn.tierup.organization.SpreadsheetImport;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/import")
@Tag(name = "导入", description = "从 .xlsx 导入党组织或党员：先校验全部行，有错误则不写入任何数据")
class ImportApi {

    private final SpreadsheetImport imports;
    private final ImportJobs jobs;
    private final Messages messages;

    ImportApi(SpreadsheetImport imports, ImportJobs jobs, Messages messages) {
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/template/{name}.xlsx")
    @Operation(summary = "下载导入模板（orgs 或 members）")
    ResponseEntity<byte[]> template(@PathVariable String name) {
        return ResponseEntity.ok().contentType(ImportPageController.XLSX).body(imports.template(ImportPageController.kindOf(name)));
    }

    /**
     * A job as the API shows it: how far it is (rows read, checked, written; per cent as on the page) and, once
     * finished, the check's findings or what was written.
     */
    record JobView(String id, ImportKind kind, ImportJobs.Mode mode, ImportJobs.State state, ImportProgress.Phase phase,
                   String fileName, int rowsExpected, int rowsRead, int rowsChecked, int rowsWritten, int percent,
                   Instant startedAt, Instant finishedAt, boolean confirmable, String message, ImportPreview preview,
                   ImportResult result) {

        static JobView of(ImportJobs.Job j) {
            ImportProgress p = j.progress();
            return new JobView(j.id(), j.kind(), j.mode(), j.state(), p.phase(), j.fileName(), p.expected(), p.read(),
                    p.checked(), p.written(), p.percent(j.mode() == ImportJobs.Mode.APPLY), j.startedAt(), j.finishedAt(),
                    j.confirmable(), j.message(), j.preview(), j.result());
        }
    }

    @PostMapping(path = "/{name}/jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "开始检查一个导入文件（后台进行，不写入任何数据）；返回 202 和任务，用 GET /api/import/jobs/{jobId} 查看进度")
    ResponseEntity<JobView> startCheck(@PathVariable String name, @RequestParam("file") MultipartFile file) throws IOException {
        ImportKind kind = ImportPageController.kindOf(name);
        if (file.isEmpty()) {
            throw new DomainException("import.file.required");
        }
        try (InputStream in = file.getInputStream()) {
            ImportJobs.Job job = jobs.check(kind, in, file.getOriginalFilename());
            return ResponseEntity.accepted().location(URI.create("/api/import/jobs/" + job.id())).body(JobView.of(job));
        }
    }

    @GetMapping("/jobs/{jobId}")
    @Operation(summary = "导入任务的进度（已读取、已检查、已写入行数）和结果；任务完成后保留 1 小时")
    JobView job(@PathVariable String jobId) {
        return JobView.of(jobs.get(jobId));
    }

    @PostMapping("/jobs/{jobId}/apply")
    @Operation(summary = "确认导入一个已检查通过的文件（confirmable=true 的检查任务，只能确认一次）；后台在一个事务中写入，返回 202 和写入任务")
    ResponseEntity<JobView> apply(@PathVariable String jobId) {
        ImportJobs.Job job = jobs.apply(jobId);
        return ResponseEntity.accepted().location(URI.create("/api/import/jobs/" + job.id())).body(JobView.of(job));
    }

    @PostMapping(path = "/{name}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入并等待结果（dryRun=true 只校验不写入）；有错误时返回 422 和每行的错误。大文件请用 /api/import/{name}/jobs")
    ResponseEntity<?> importFile(@PathVariable String name, @RequestParam("file") MultipartFile file,
                                 @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        ImportKind kind = ImportPageController.kindOf(name);
        if (file.isEmpty()) {
            throw new DomainException("import.file.required");
        }
        if (dryRun) {
            return ResponseEntity.ok(imports.preview(kind, file.getBytes()));
        }
        try {
            return ResponseEntity.ok(imports.apply(kind, file.getBytes()));
        } catch (ImportRejectedException e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.of(e));
            p.setProperty("code", e.code());
            ImportPreview preview = e.preview();
            p.setProperty("errors", preview.errors());
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
    }
}
