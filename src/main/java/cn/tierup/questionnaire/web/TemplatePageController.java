package cn.tierup.questionnaire.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.questionnaire.QuestionText;
import cn.tierup.questionnaire.QuestionnaireService;
import cn.tierup.questionnaire.QuestionnaireTemplate;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 问卷调查表 templates: the shipped ones to read and copy, the copies to edit. */
@Controller
class TemplatePageController {

    private final QuestionnaireService questionnaires;
    private final ScopeGuard guard;
    private final Messages messages;

    TemplatePageController(QuestionnaireService questionnaires, ScopeGuard guard, Messages messages) {
        this.questionnaires = questionnaires;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/questionnaire-templates")
    String list(Model model) {
        model.addAttribute("templates", questionnaires.templates());
        model.addAttribute("canManage", guard.currentUser().has(Permission.CAMPAIGN_MANAGE));
        return "questionnaires/templates";
    }

    @GetMapping("/questionnaire-templates/{id}")
    String view(@PathVariable long id, Model model) {
        QuestionnaireTemplate t = questionnaires.template(id);
        model.addAttribute("t", t);
        model.addAttribute("text", QuestionText.format(t.getQuestions()));
        model.addAttribute("canManage", guard.currentUser().has(Permission.CAMPAIGN_MANAGE));
        model.addAttribute("canEdit", !t.shipped() && guard.can(Permission.CAMPAIGN_MANAGE, t.getOwnerOrganizationId()));
        return "questionnaires/template";
    }

    @PostMapping("/questionnaire-templates/{id}/copy")
    String copy(@PathVariable long id, RedirectAttributes redirect) {
        QuestionnaireTemplate copy = questionnaires.copyTemplate(id);
        redirect.addFlashAttribute("success", messages.get("flash.template.copied"));
        return "redirect:/questionnaire-templates/" + copy.getId() + "/edit";
    }

    @GetMapping("/questionnaire-templates/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        QuestionnaireTemplate t = questionnaires.template(id);
        if (t.shipped()) {
            throw new DomainException("template.shipped");
        }
        guard.require(Permission.CAMPAIGN_MANAGE, t.getOwnerOrganizationId());
        model.addAttribute("t", t);
        // not "title": the layout's fragment parameter of that name would hide it
        model.addAttribute("templateTitle", t.getTitle());
        model.addAttribute("intro", t.getIntro());
        model.addAttribute("text", QuestionText.format(t.getQuestions()));
        model.addAttribute("version", t.getVersion());
        return "questionnaires/template-edit";
    }

    @PostMapping("/questionnaire-templates/{id}")
    String save(@PathVariable long id, @RequestParam String title, @RequestParam(required = false) String intro,
                @RequestParam String questions, @RequestParam long version, Model model, RedirectAttributes redirect) {
        try {
            questionnaires.reviseTemplate(id, title, intro, questions, version);
            redirect.addFlashAttribute("success", messages.get("flash.template.saved"));
            return "redirect:/questionnaire-templates/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("t", questionnaires.template(id));
            model.addAttribute("templateTitle", title);
            model.addAttribute("intro", intro);
            model.addAttribute("text", questions);
            model.addAttribute("version", version);
            return "questionnaires/template-edit";
        }
    }
}
