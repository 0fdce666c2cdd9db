package cn.tierup.identity.web;

import cn.tierup.identity.AccountForm;
import cn.tierup.identity.AccountService;
import cn.tierup.identity.AccountView;
import cn.tierup.identity.Permission;
import cn.tierup.identity.Role;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration pages, and every user's own password page. */
@Controller
class AccountPageController {

    private final AccountService accounts;
    private final Messages messages;
    private final ScopeGuard guard;

    AccountPageController(AccountService accounts, Messages messages, ScopeGuard guard) {
        this.accounts = accounts;
        this.messages = messages;
        this.guard = guard;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", accounts.list(q, page, 20));
        model.addAttribute("q", q);
        return "accounts/list";
    }

    @GetMapping("/accounts/new")
    String createForm(@RequestParam(required = false) Long org, Model model) {
        if (org != null) {
            guard.require(Permission.ACCOUNT_MANAGE, org);
        }
        model.addAttribute("form", new AccountForm("", "", org, Role.BRANCH, "", true, null, null));
        return form(model, null, Map.of());
    }

    @PostMapping("/accounts")
    String create(@Valid AccountForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return form(model, null, messages.fieldErrors(binding));
        }
        try {
            AccountView created = accounts.create(form);
            redirect.addFlashAttribute("success", messages.get("flash.account.created", created.username()));
            return "redirect:/accounts";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, null, Map.of());
        }
    }

    @GetMapping("/accounts/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        AccountView a = accounts.get(id);
        model.addAttribute("form", new AccountForm(a.username(), a.displayName(), a.organizationId(), a.role(), null,
                a.enabled(), a.version(), a.memberId()));
        return form(model, a, Map.of());
    }

    @PostMapping("/accounts/{id}")
    String update(@PathVariable long id, @Valid AccountForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        AccountView a = accounts.get(id);
        model.addAttribute("form", form);
        if (binding.hasErrors()) {
            return form(model, a, messages.fieldErrors(binding));
        }
        try {
            accounts.update(id, new AccountForm(a.username(), form.displayName(), form.organizationId(), form.role(),
                    null, form.enabled() != null && form.enabled(), form.version(), form.memberId()));
            redirect.addFlashAttribute("success", messages.get("flash.account.saved", a.username()));
            return "redirect:/accounts";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return form(model, a, Map.of());
        }
    }

    @PostMapping("/accounts/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        redirect.addFlashAttribute("success", messages.get("flash.account.unlocked"));
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password);
            redirect.addFlashAttribute("success", messages.get("flash.account.passwordReset"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/accounts/" + id + "/edit";
    }

    @GetMapping("/account/password")
    String ownPasswordForm() {
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String changeOwnPassword(@RequestParam String current, @RequestParam String password,
                             @RequestParam String confirm, Model model, RedirectAttributes redirect) {
        try {
            if (!password.equals(confirm)) {
                throw new DomainException("account.password.mismatch");
            }
            accounts.changeOwnPassword(current, password);
            redirect.addFlashAttribute("success", messages.get("flash.account.passwordChanged"));
            return "redirect:/account/password";
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return "accounts/password";
        }
    }

    private String form(Model model, AccountView existing, Map<String, String> errors) {
        // A form is shown only to those who may submit it.
        guard.scope(Permission.ACCOUNT_MANAGE);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        return "accounts/form";
    }
}
