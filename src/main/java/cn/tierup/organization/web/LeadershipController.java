package cn.tierup.organization.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.LeadershipService;
import cn.tierup.organization.OrganizationService;
import cn.tierup.organization.OrganizationView;
import cn.tierup.organization.Post;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leadership (班子) page: who holds which post, appointing, ending a term, and the history. */
@Controller
class LeadershipController {

    private final LeadershipService leadership;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;

    LeadershipController(LeadershipService leadership, OrganizationService organizations, ScopeGuard guard, Messages messages) {
        this.leadership = leadership;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/orgs/{id}/leadership")
    String page(@PathVariable long id, Model model) {
        OrganizationView org = organizations.get(id);
        model.addAttribute("org", org);
        model.addAttribute("trail", organizations.trail(id));
        model.addAttribute("posts", leadership.of(id));
        model.addAttribute("kinds", Post.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("canWrite", guard.can(Permission.ORG_WRITE, id) && !org.retired());
        return "orgs/leadership";
    }

    @PostMapping("/orgs/{id}/leadership")
    String appoint(@PathVariable long id, @RequestParam(required = false) String personName,
                   @RequestParam(required = false) Post post,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
                   RedirectAttributes redirect) {
        try {
            var p = leadership.appoint(id, personName, post, startedOn);
            redirect.addFlashAttribute("success", messages.get("flash.post.appointed", p.getPersonName()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orgs/" + id + "/leadership";
    }

    @PostMapping("/leadership/{postId}/end")
    String end(@PathVariable long postId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
               @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            var p = leadership.end(postId, on, reason);
            redirect.addFlashAttribute("success", messages.get("flash.post.ended", p.getPersonName()));
            return "redirect:/orgs/" + p.getOrganizationId() + "/leadership";
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            return "redirect:/orgs";
        }
    }
}
