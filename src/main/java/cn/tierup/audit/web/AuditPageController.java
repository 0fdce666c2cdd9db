package cn.tierup.audit.web;

import cn.tierup.audit.AuditQuery;
import cn.tierup.audit.AuditTrail;
import cn.tierup.identity.OrganizationDirectory;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class AuditPageController {

    private final AuditTrail trail;
    private final OrganizationDirectory directory;

    AuditPageController(AuditTrail trail, OrganizationDirectory directory) {
        this.trail = trail;
        this.directory = directory;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) Long org, @RequestParam(required = false) String actor,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", trail.find(new AuditQuery(org, actor, from, to, page, 30)));
        model.addAttribute("org", org);
        model.addAttribute("orgName", org == null ? null : directory.find(org).map(OrganizationDirectory.OrgRef::name).orElse(null));
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/audit")
                .queryParamIfPresent("org", Optional.ofNullable(org))
                .queryParamIfPresent("actor", Optional.ofNullable(actor).filter(s -> !s.isBlank()))
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to)).encode().build().toUriString());
        return "audit/list";
    }
}
