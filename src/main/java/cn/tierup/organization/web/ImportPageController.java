package cn.tierup.organization.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.ImportKind;
import cn.tierup.organization.ImportPreview;
import cn.tierup.organization.ImportRejectedException;
import cn.tierup.organization.ImportResult;
import cn.tierup.organization.SpreadsheetImport;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;


import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import in two steps: upload and see every row checked (nothing written), then confirm. The file
 * waits in the user's session between the two steps, keyed by a one-time token.
 */
@Controller
class ImportPageController {

    static final MediaType XLSX = cn.tierup.shared.Downloads.XLSX;
    private static final String SESSION_KEY = "tierup.import.";

    private final SpreadsheetImport imports;
    private final Messages messages;
    private final ScopeGuard guard;

    ImportPageController(SpreadsheetImport imports, Messages messages, ScopeGuard guard) {
        this.imports = imports;
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

    @PostMapping("/import/preview")
    String preview(@RequestParam(defaultValue = "ORGANIZATIONS") ImportKind kind,
                   @RequestParam(required = false) MultipartFile file, HttpSession session, Model model) throws IOException {
        guard.scope(Permission.IMPORT);
        model.addAttribute("kind", kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", messages.get("import.file.required"));
            return "import/upload";
        }
        byte[] bytes = file.getBytes();
        try {
            ImportPreview preview = imports.preview(kind, bytes);
            model.addAttribute("preview", preview);
            model.addAttribute("fileName", file.getOriginalFilename());
            if (preview.ok()) {
                String token = UUID.randomUUID().toString();
                session.setAttribute(SESSION_KEY + token, new Pending(kind, bytes));
                model.addAttribute("token", token);
            } else {
                model.addAttribute("error", messages.get("import.hasErrors", preview.errors().size()));
            }
            return "import/preview";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return "import/upload";
        }
    }

    @PostMapping("/import/confirm")
    String confirm(@RequestParam String token, HttpSession session, Model model, RedirectAttributes redirect) {
        guard.scope(Permission.IMPORT);
        Object pending = session.getAttribute(SESSION_KEY + token);
        if (!(pending instanceof Pending p)) {
            redirect.addFlashAttribute("error", messages.get("import.stale"));
            return "redirect:/import";
        }
        session.removeAttribute(SESSION_KEY + token);
        try {
            ImportResult result = imports.apply(p.kind(), p.bytes());
            redirect.addFlashAttribute("success", messages.get("import.done", result.written()));
            return "redirect:/import";
        } catch (ImportRejectedException e) {
            model.addAttribute("kind", p.kind());
            model.addAttribute("preview", e.preview());
            model.addAttribute("error", messages.of(e));
            return "import/preview";
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

    /** An upload that passed its check and waits for the user's confirmation. */
    record Pending(ImportKind kind, byte[] bytes) implements java.io.Serializable {
    }
}
