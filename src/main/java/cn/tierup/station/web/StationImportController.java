package cn.tierup.station.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Downloads;
import cn.tierup.shared.Messages;
import cn.tierup.station.StationImport;
import cn.tierup.station.StationImport.Preview;
import cn.tierup.station.StationImport.Result;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The station import in two steps, as for organisations: upload and see every row checked (nothing written), then
 * confirm. The file waits in the user's session between the steps, keyed by a one-time token.
 */
@Controller
class StationImportController {

    private static final String SESSION_KEY = "tierup.stationImport.";

    private final StationImport imports;
    private final Messages messages;
    private final ScopeGuard guard;

    StationImportController(StationImport imports, Messages messages, ScopeGuard guard) {
        this.imports = imports;
        this.messages = messages;
        this.guard = guard;
    }

    @GetMapping("/stations/import")
    String page() {
        guard.scope(Permission.IMPORT);
        return "stations/import";
    }

    @GetMapping("/stations/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx(messages.get("station.file.template"), imports.template());
    }

    @PostMapping("/stations/import/preview")
    String preview(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model) throws IOException {
        guard.scope(Permission.IMPORT);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", messages.get("import.file.required"));
            return "stations/import";
        }
        byte[] bytes = file.getBytes();
        try {
            Preview preview = imports.preview(bytes);
            model.addAttribute("preview", preview);
            model.addAttribute("fileName", file.getOriginalFilename());
            if (preview.ok()) {
                String token = UUID.randomUUID().toString();
                session.setAttribute(SESSION_KEY + token, new Pending(bytes));
                model.addAttribute("token", token);
            } else if (preview.rows().isEmpty()) {
                model.addAttribute("error", messages.get("import.file.empty"));
            } else {
                model.addAttribute("error", messages.get("import.hasErrors", preview.errors().size()));
            }
            return "stations/import";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return "stations/import";
        }
    }

    @PostMapping("/stations/import/confirm")
    String confirm(@RequestParam(required = false) String token, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        guard.scope(Permission.IMPORT);
        Object pending = token == null ? null : session.getAttribute(SESSION_KEY + token);
        if (!(pending instanceof Pending p)) {
            redirect.addFlashAttribute("error", messages.get("import.stale"));
            return "redirect:/stations/import";
        }
        session.removeAttribute(SESSION_KEY + token);
        try {
            Result r = imports.apply(p.bytes());
            redirect.addFlashAttribute("success", messages.get("station.import.done", r.registered(), r.corrected()));
            return "redirect:/stations";
        } catch (StationImport.Rejected e) {
            model.addAttribute("preview", e.preview());
            model.addAttribute("error", messages.of(e));
            return "stations/import";
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:/stations/import";
        }
    }

    /** An upload that passed its check and waits for the user's confirmation. */
    record Pending(byte[] bytes) implements java.io.Serializable {
    }
}
