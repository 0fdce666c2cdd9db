package cn.tierup.organization.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.Education;
import cn.tierup.organization.LeaveReason;
import cn.tierup.organization.MemberCategory;
import cn.tierup.organization.MemberCriteria;
import cn.tierup.organization.MemberDetails;
import cn.tierup.organization.MemberService;
import cn.tierup.organization.MemberStatus;
import cn.tierup.organization.MemberView;
import cn.tierup.organization.RecordSections;
import cn.tierup.organization.OrganizationService;
import cn.tierup.organization.OrganizationView;
import cn.tierup.organization.Sex;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Pages of the member roll: list, add, edit, transfer, leave. */
@Controller
class MemberPageController {

    private final MemberService members;
    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;
    /** What other modules keep about a person (their 表彰 …), shown on their record. */
    private final List<RecordSections> sections;

    MemberPageController(MemberService members, OrganizationService organizations, ScopeGuard guard, Messages messages,
                         List<RecordSections> sections) {
        this.sections = sections;
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/members")
    String list(@RequestParam(required = false) Long org, @RequestParam(defaultValue = "true") boolean subtree,
                @RequestParam(required = false) String q, @RequestParam(required = false) MemberCategory category,
                @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) Integer page,
                Model model) {
        long orgId = org == null ? guard.currentUser().organizationId() : org;
        OrganizationView o = organizations.get(orgId);
        model.addAttribute("org", o);
        model.addAttribute("trail", organizations.trail(orgId));
        model.addAttribute("result", members.list(new MemberCriteria(orgId, subtree, q, category, status, page, 20)));
        model.addAttribute("subtree", subtree);
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("categories", MemberCategory.values());
        model.addAttribute("canWrite", guard.can(Permission.MEMBER_WRITE, orgId) && !o.retired());
        String base = UriComponentsBuilder.fromPath("/members").queryParam("org", orgId).queryParam("subtree", subtree)
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("category", Optional.ofNullable(category))
                .queryParamIfPresent("status", Optional.ofNullable(status)).encode().build().toUriString();
        model.addAttribute("baseUrl", base);
        model.addAttribute("exportUrl", base.replaceFirst("^/members", "/members/export.xlsx"));
        return "members/list";
    }

    @GetMapping("/members/{id}")
    String detail(@PathVariable long id, Model model) {
        MemberView m = members.get(id);
        model.addAttribute("m", m);
        model.addAttribute("trail", organizations.trail(m.organizationId()));
        model.addAttribute("canWrite", guard.can(Permission.MEMBER_WRITE, m.organizationId()) && m.status() == MemberStatus.ACTIVE);
        model.addAttribute("sections", sections.stream().flatMap(s -> s.ofMember(id).stream()).toList());
        return "members/detail";
    }

    @GetMapping("/members/new")
    String createForm(@RequestParam long org, Model model) {
        model.addAttribute("form", new MemberDetails("", Sex.MALE, "汉族", null, null, MemberCategory.FULL, null, null,
                null, null, false, false, false, null, null));
        return form(model, organizations.get(org), null, Map.of());
    }

    @PostMapping("/members")
    String create(@RequestParam long org, @Valid MemberDetails form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        OrganizationView o = organizations.get(org);
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return form(model, o, null, messages.fieldErrors(binding));
        }
        try {
            MemberView created = members.add(org, form);
            redirect.addFlashAttribute("success", messages.get("flash.member.created", created.name()));
            return "redirect:/members/" + created.id();
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, o, null, messages.beside(e));
        }
    }

    @GetMapping("/members/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        MemberView m = members.get(id);
        // Personal data is never put back into a form: blank keeps what is stored.
        model.addAttribute("form", new MemberDetails(m.name(), m.sex(), m.ethnicity(), m.birthDate(), m.education(),
                m.category(), m.activistOn(), m.developmentTargetOn(), m.joinedOn(), m.regularizedOn(), m.retired(),
                m.floating(), m.inDifficulty(), null, null));
        return form(model, organizations.get(m.organizationId()), m, Map.of());
    }

    @PostMapping("/members/{id}")
    String update(@PathVariable long id, @RequestParam long version, @Valid MemberDetails form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        MemberView m = members.get(id);
        model.addAttribute("form", form);
        OrganizationView o = organizations.get(m.organizationId());
        if (binding.hasErrors()) {
            return form(model, o, m, messages.fieldErrors(binding));
        }
        try {
            members.update(id, form, version);
            redirect.addFlashAttribute("success", messages.get("flash.saved"));
            return "redirect:/members/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, o, m, messages.beside(e));
        }
    }

    @GetMapping("/members/{id}/transfer")
    String transferForm(@PathVariable long id, Model model) {
        MemberView m = members.get(id);
        guard.require(Permission.MEMBER_WRITE, m.organizationId());
        model.addAttribute("m", m);
        model.addAttribute("trail", organizations.trail(m.organizationId()));
        return "members/transfer";
    }

    @PostMapping("/members/{id}/transfer")
    String transfer(@PathVariable long id, @RequestParam long version,
                    @RequestParam(required = false) Long targetOrganizationId, Model model, RedirectAttributes redirect) {
        try {
            if (targetOrganizationId == null) {
                throw new DomainException("org.parent.required");
            }
            MemberView moved = members.transfer(id, targetOrganizationId, version);
            redirect.addFlashAttribute("success", messages.get("flash.member.moved", moved.organizationName()));
            return "redirect:/members/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return transferForm(id, model);
        }
    }

    @GetMapping("/members/{id}/leave")
    String leaveForm(@PathVariable long id, Model model) {
        MemberView m = members.get(id);
        guard.require(Permission.MEMBER_WRITE, m.organizationId());
        model.addAttribute("m", m);
        model.addAttribute("trail", organizations.trail(m.organizationId()));
        model.addAttribute("reasons", LeaveReason.values());
        model.addAttribute("today", LocalDate.now());
        return "members/leave";
    }

    @PostMapping("/members/{id}/leave")
    String leave(@PathVariable long id, @RequestParam long version,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                 @RequestParam(required = false) LeaveReason reason, Model model, RedirectAttributes redirect) {
        try {
            members.leave(id, on, reason, version);
            redirect.addFlashAttribute("success", messages.get("flash.member.left"));
            return "redirect:/members/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return leaveForm(id, model);
        }
    }

    private String form(Model model, OrganizationView org, MemberView existing, Map<String, String> errors) {
        // A form is shown only to those who may submit it.
        guard.require(Permission.MEMBER_WRITE, org.id());
        model.addAttribute("org", org);
        model.addAttribute("existing", existing);
        model.addAttribute("trail", organizations.trail(org.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("educations", Education.values());
        model.addAttribute("categories", MemberCategory.values());
        return "members/form";
    }
}
