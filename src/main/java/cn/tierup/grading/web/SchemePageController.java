package cn.tierup.grading.web;

import cn.tierup.grading.GradingScheme;
import cn.tierup.grading.GradingSchemes;
import cn.tierup.grading.StandardText;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 分类定级指导标准 (附件1) pages: read the standards, copy one, adapt the copy. */
@Controller
class SchemePageController {

    private final GradingSchemes schemes;
    private final ScopeGuard guard;
    private final Messages messages;

    SchemePageController(GradingSchemes schemes, ScopeGuard guard, Messages messages) {
        this.schemes = schemes;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/grading-schemes")
    String list(Model model) {
        model.addAttribute("schemes", schemes.list());
        return "grading/schemes";
    }

    @GetMapping("/grading-schemes/{id}")
    String view(@PathVariable long id, Model model) {
        GradingScheme s = schemes.get(id);
        model.addAttribute("s", s);
        model.addAttribute("canManage", guard.currentUser().has(Permission.CAMPAIGN_MANAGE));
        model.addAttribute("canEdit", !s.shipped() && guard.can(Permission.CAMPAIGN_MANAGE, s.getOwnerOrganizationId()));
        return "grading/scheme";
    }

    @PostMapping("/grading-schemes/{id}/copy")
    String copy(@PathVariable long id, RedirectAttributes redirect) {
        GradingScheme copy = schemes.copy(id);
        redirect.addFlashAttribute("success", messages.get("flash.scheme.copied"));
        return "redirect:/grading-schemes/" + copy.getId() + "/edit";
    }

    @GetMapping("/grading-schemes/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        guard.require(Permission.CAMPAIGN_MANAGE, guard.currentUser().organizationId());
        GradingScheme s = schemes.get(id);
        if (s.shipped()) {
            throw new DomainException("scheme.shipped");
        }
        guard.require(Permission.CAMPAIGN_MANAGE, s.getOwnerOrganizationId());
        return editPage(s, s.getName(), s.getDescription(), StandardText.format(s.getStandard()), s.getVersion(), model);
    }

    @PostMapping("/grading-schemes/{id}")
    String save(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String description,
                @RequestParam String standard, @RequestParam long version, Model model, RedirectAttributes redirect) {
        try {
            schemes.revise(id, name, description, standard, version);
            redirect.addFlashAttribute("success", messages.get("flash.scheme.saved"));
            return "redirect:/grading-schemes/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return editPage(schemes.get(id), name, description, standard, version, model);
        }
    }

    private String editPage(GradingScheme s, String name, String description, String text, long version, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("schemeName", name);
        model.addAttribute("description", description);
        model.addAttribute("text", text);
        model.addAttribute("version", version);
        return "grading/scheme-edit";
    }
}
