package cn.tierup.organization.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.ImportJobs;
import cn.tierup.organization.ImportKind;
import cn.tierup.organization.SpreadsheetImport;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import in two steps: upload and see every row checked (nothing written), then confirm. Both run in the
 * background ({@link ImportJobs}) while the page shows how far they are; the checked file waits on the server
 * for the confirmation, under the check's id, and is written once.
 */
@Controller
class ImportPageController {

    static final MediaType XLSX = cn.tierup.shared.Downloads.XLSX;

    private final SpreadsheetImport imports;
    private final ImportJobs jobs;
    private final Messages messages;
    private final ScopeGuard guard;

    ImportPageController(SpreadsheetImport imports, ImportJobs jobs, Messages messages, ScopeGuard guard) {
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
        this.guard = guard;
    }

    @GetMapping("/import")
    String page(Model model) {
        guard.scope(Permission.IMPORT);
        model.addAttribute("kind", ImportKind.ORGANIZATIONS);
        return "import/upload";
    }

    @GetMapping("/import/template/{name}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String name) {
        ImportKind kind = kindOf(name);
        String file = kind == ImportKind.ORGANIZATIONS ? "党组织导入模板.xlsx" : "党员导入模板.xlsx";
        return cn.tierup.shared.Downloads.xlsx(file, imports.template(kind));
    }

    /** Starts checking the upload in the background and shows its progress page. */
    @PostMapping("/import/preview")
    String preview(@RequestParam(defaultValue = "ORGANIZATIONS") ImportKind kind,
                   @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        guard.scope(Permission.IMPORT);
        model.addAttribute("kind", kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", messages.get("import.file.required"));
            return "import/upload";
        }
        try (InputStream in = file.getInputStream()) {
            ImportJobs.Job job = jobs.check(kind, in, file.getOriginalFilename());
            return "redirect:/import/jobs/" + job.id();
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return "import/upload";
        }
    }

    /**
     * A job's page: its progress while it runs (the page asks again every second, with htmx; without script it
     * reloads itself), then what the check found with the confirmation, or what the import wrote.
     */
    @GetMapping("/import/jobs/{id}")
    String job(@PathVariable String id, Model model, RedirectAttributes redirect,
               @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        guard.scope(Permission.IMPORT);
        ImportJobs.Job job;
        try {
            job = jobs.get(id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            if (htmx != null) {
                response.setHeader("HX-Redirect", "/import");
            }
            return "redirect:/import";
        }
        // the state first: what a finished job found is set before it is marked finished, so it is all there
        ImportJobs.State state = job.state();
        model.addAttribute("state", state);
        model.addAttribute("running", state == ImportJobs.State.RUNNING);
        model.addAttribute("job", job);
        model.addAttribute("kind", job.kind());
        model.addAttribute("preview", job.preview());
        model.addAttribute("fileName", job.fileName());
        model.addAttribute("token", job.confirmable() ? job.id() : null);
        return "import/job";
    }

    /** The confirmation of a passed check: its file is written in the background, its progress page shown. */
    @PostMapping("/import/confirm")
    String confirm(@RequestParam String token, RedirectAttributes redirect) {
        guard.scope(Permission.IMPORT);
        try {
            ImportJobs.Job job = jobs.apply(token);
            return "redirect:/import/jobs/" + job.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:/import";
        }
    }

    static ImportKind kindOf(String name) {
        return switch (name) {
            case "orgs", "organizations" -> ImportKind.ORGANIZATIONS;
            case "members" -> ImportKind.MEMBERS;
            default -> throw new cn.tierup.shared.NotFoundException("template", name);
        };
    }

}
