package cn.tierup.organization.web;

import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.organization.Field;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.OrganizationCriteria;
import cn.tierup.organization.OrganizationDetails;
import cn.tierup.organization.OrganizationService;
import cn.tierup.organization.OrganizationView;
import cn.tierup.organization.RecordSections;
import cn.tierup.organization.UnitType;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.KeptFigures;
import cn.tierup.shared.Messages;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** Pages of the organisation tree: browse, search, open, add, edit, move, retire, set the authority. */
@Controller
class OrganizationPageController {

    private final OrganizationService organizations;
    private final ScopeGuard guard;
    private final Messages messages;
    /** What other modules keep about an organisation (its 表彰 …), shown on its page. */
    private final List<RecordSections> sections;

    OrganizationPageController(OrganizationService organizations, ScopeGuard guard, Messages messages,
                               List<RecordSections> sections) {
        this.sections = sections;
        this.organizations = organizations;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/orgs")
    String list(@RequestParam(required = false) Long under, @RequestParam(required = false) String q,
                @RequestParam(required = false) Field field, @RequestParam(required = false) OrgKind kind,
                @RequestParam(defaultValue = "false") boolean retired, @RequestParam(required = false) Integer page,
                Model model) {
        OrganizationView home = organizations.home();
        model.addAttribute("home", home);
        var rootChildren = organizations.childrenCounted(home.id(), false);
        model.addAttribute("rootChildren", rootChildren.value());
        model.addAttribute("keptCount", rootChildren.ifKept());
        var result = organizations.searchCounted(new OrganizationCriteria(under, q, field, kind, retired, page, 20));
        model.addAttribute("result", result.value());
        model.addAttribute("searchKept", result.ifKept());
        model.addAttribute("under", under == null ? null : organizations.get(under));
        model.addAttribute("q", q);
        model.addAttribute("field", field);
        model.addAttribute("kind", kind);
        model.addAttribute("retired", retired);
        model.addAttribute("fields", Field.values());
        model.addAttribute("kinds", OrgKind.values());
        String base = UriComponentsBuilder.fromPath("/orgs").queryParamIfPresent("under", java.util.Optional.ofNullable(under))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("field", java.util.Optional.ofNullable(field))
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
                .queryParamIfPresent("retired", retired ? java.util.Optional.of(true) : java.util.Optional.empty())
                .encode().build().toUriString();
        model.addAttribute("baseUrl", base);
        model.addAttribute("exportUrl", base.replaceFirst("^/orgs", "/orgs/export.xlsx"));
        return "orgs/list";
    }

    /** One level of the tree, for htmx to unfold a node. */
    @GetMapping("/orgs/{id}/children")
    String children(@PathVariable long id, Model model) {
        var nodes = organizations.childrenCounted(id, false);
        model.addAttribute("nodes", nodes.value());
        model.addAttribute("levelKept", nodes.ifKept());
        return "orgs/tree :: level";
    }

    /** Options for the organisation picker: active organisations in scope whose name matches. */
    @GetMapping("/orgs/picker")
    String picker(@RequestParam(required = false) String pickerQ, Model model) {
        model.addAttribute("options", pickerQ == null || pickerQ.isBlank() ? java.util.List.of()
                : organizations.search(new OrganizationCriteria(null, pickerQ, null, null, false, 0, 50)).items());
        return "fragments/org-picker :: options";
    }

    @GetMapping("/orgs/{id}")
    String detail(@PathVariable long id, Model model) {
        var members = organizations.getCounted(id);
        OrganizationView org = members.value();
        model.addAttribute("org", org);
        model.addAttribute("trail", organizations.trail(id));
        var children = organizations.childrenCounted(id, true);
        model.addAttribute("children", children.value());
        // the older of the two counts, when either was kept: the page says as of when
        model.addAttribute("keptCount", KeptFigures.Kept.olderKept(members, children));
        model.addAttribute("canWrite", guard.can(Permission.ORG_WRITE, id) && !org.retired());
        model.addAttribute("canMove", guard.can(Permission.ORG_MOVE, id) && id != guard.currentUser().organizationId()
                && org.parentId() != null && !org.retired());
        model.addAttribute("canRetire", guard.can(Permission.ORG_WRITE, id) && id != guard.currentUser().organizationId()
                && org.parentId() != null && !org.retired());
        model.addAttribute("canAuthority", guard.can(Permission.ORG_AUTHORITY, id) && org.parentId() != null && !org.retired());
        model.addAttribute("canMembers", guard.can(Permission.MEMBER_READ, id));
        model.addAttribute("canAccounts", guard.can(Permission.ACCOUNT_MANAGE, id));
        model.addAttribute("sections", sections.stream().flatMap(s -> s.ofOrganization(id).stream()).toList());
        return "orgs/detail";
    }

    @GetMapping("/orgs/new")
    String createForm(@RequestParam long parent, Model model) {
        OrganizationView p = organizations.get(parent);
        OrgKind kind = OrgKind.BRANCH;
        Field field = p.field() == Field.TOWN ? Field.VILLAGE : p.field();
        model.addAttribute("form", new OrganizationDetails("", kind, field, null, null, null, UnitType.SAME_AS_PARENT,
                null, null, null, null));
        return form(model, p, null, Map.of());
    }

    @PostMapping("/orgs")
    String create(@RequestParam long parent, @Valid OrganizationDetails form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        OrganizationView p = organizations.get(parent);
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return form(model, p, null, messages.fieldErrors(binding));
        }
        try {
            OrganizationView created = organizations.create(parent, form, null);
            redirect.addFlashAttribute("success", messages.get("flash.organization.created", created.name()));
            return "redirect:/orgs/" + created.id();
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, p, null, messages.beside(e));
        }
    }

    @GetMapping("/orgs/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        OrganizationView o = organizations.get(id);
        model.addAttribute("form", new OrganizationDetails(o.name(), o.kind(), o.field(), o.secretary(), o.contactPerson(),
                o.contactPhone(), o.unitType(), o.unitName(), o.establishedOn(), o.lastElectionOn(), o.sortOrder()));
        return form(model, null, o, Map.of());
    }

    @PostMapping("/orgs/{id}")
    String update(@PathVariable long id, @RequestParam long version, @Valid OrganizationDetails form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        OrganizationView o = organizations.get(id);
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return form(model, null, o, messages.fieldErrors(binding));
        }
        try {
            organizations.update(id, form, version);
            redirect.addFlashAttribute("success", messages.get("flash.saved"));
            return "redirect:/orgs/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, null, o, messages.beside(e));
        }
    }

    @GetMapping("/orgs/{id}/move")
    String moveForm(@PathVariable long id, Model model) {
        guard.requireBelow(Permission.ORG_MOVE, id);
        model.addAttribute("org", organizations.get(id));
        model.addAttribute("trail", organizations.trail(id));
        return "orgs/move";
    }

    @PostMapping("/orgs/{id}/move")
    String move(@PathVariable long id, @RequestParam(required = false) Long parentId, @RequestParam long version,
                Model model, RedirectAttributes redirect) {
        try {
            if (parentId == null) {
                throw new DomainException("org.parent.required");
            }
            OrganizationView moved = organizations.move(id, parentId, version);
            redirect.addFlashAttribute("success", messages.get("flash.organization.moved", moved.parentName()));
            return "redirect:/orgs/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return moveForm(id, model);
        }
    }

    @GetMapping("/orgs/{id}/retire")
    String retireForm(@PathVariable long id, Model model) {
        guard.requireBelow(Permission.ORG_WRITE, id);
        model.addAttribute("org", organizations.get(id));
        model.addAttribute("trail", organizations.trail(id));
        model.addAttribute("today", LocalDate.now());
        return "orgs/retire";
    }

    @PostMapping("/orgs/{id}/retire")
    String retire(@PathVariable long id, @RequestParam long version,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  Model model, RedirectAttributes redirect) {
        try {
            organizations.retire(id, on, version);
            redirect.addFlashAttribute("success", messages.get("flash.organization.dissolved"));
            return "redirect:/orgs/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return retireForm(id, model);
        }
    }

    @GetMapping("/orgs/{id}/authority")
    String authorityForm(@PathVariable long id, Model model) {
        guard.require(Permission.ORG_AUTHORITY, id);
        model.addAttribute("org", organizations.get(id));
        model.addAttribute("trail", organizations.trail(id));
        return "orgs/authority";
    }

    @PostMapping("/orgs/{id}/authority")
    String authority(@PathVariable long id, @RequestParam long version,
                     @RequestParam(required = false) Long gradingAuthorityId,
                     @RequestParam(defaultValue = "false") boolean useParent, Model model, RedirectAttributes redirect) {
        try {
            organizations.changeGradingAuthority(id, useParent ? null : gradingAuthorityId, version);
            redirect.addFlashAttribute("success", messages.get("flash.organization.authorityChanged"));
            return "redirect:/orgs/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return authorityForm(id, model);
        }
    }

    private String form(Model model, OrganizationView parent, OrganizationView existing, Map<String, String> errors) {
        // A form is shown only to those who may submit it.
        guard.require(Permission.ORG_WRITE, existing != null ? existing.id() : parent.id());
        model.addAttribute("parent", parent);
        model.addAttribute("existing", existing);
        model.addAttribute("trail", organizations.trail(existing != null ? existing.id() : parent.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("fields", Field.values());
        model.addAttribute("kinds", OrgKind.values());
        model.addAttribute("unitTypes", UnitType.values());
        return "orgs/form";
    }
}
