package cn.tierup.organization.web;

import cn.tierup.organization.ImportKind;
import cn.tierup.organization.ImportPreview;
import cn.tierup.organization.ImportRejectedException;
import cn.tierup.organization.SpreadsheetImport;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
    private final Messages messages;

    ImportApi(SpreadsheetImport imports, Messages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/template/{name}.xlsx")
    @Operation(summary = "下载导入模板（orgs 或 members）")
    ResponseEntity<byte[]> template(@PathVariable String name) {
        return ResponseEntity.ok().contentType(ImportPageController.XLSX).body(imports.template(ImportPageController.kindOf(name)));
    }

    @PostMapping(path = "/{name}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入（dryRun=true 只校验不写入）；有错误时返回 422 和每行的错误")
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
