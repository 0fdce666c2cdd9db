package cn.tierup.identity.web;

import cn.tierup.identity.AccountForm;
import cn.tierup.identity.AccountService;
import cn.tierup.identity.AccountView;
import cn.tierup.identity.CurrentUser;
import cn.tierup.identity.Permission;
import cn.tierup.identity.RequiresPermission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
@Tag(name = "账户", description = "账户与角色；每个账户绑定一个党组织和一个角色")
class AccountApi {

    private final AccountService accounts;
    private final ScopeGuard guard;

    AccountApi(AccountService accounts, ScopeGuard guard) {
        this.accounts = accounts;
        this.guard = guard;
    }

    @GetMapping("/me")
    @Operation(summary = "当前登录用户")
    CurrentUser me() {
        return guard.currentUser();
    }

    @GetMapping("/accounts")
    @Operation(summary = "管理范围内的账户")
    PageResult<AccountView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return accounts.list(q, page, size);
    }

    @GetMapping("/accounts/{id}")
    AccountView get(@PathVariable long id) {
        return accounts.get(id);
    }

    @RequiresPermission(Permission.ACCOUNT_MANAGE)
    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建账户（需提供初始密码）")
    AccountView create(@Valid @RequestBody AccountForm form) {
        return accounts.create(form);
    }

    @RequiresPermission(Permission.ACCOUNT_MANAGE)
    @PutMapping("/accounts/{id}")
    @Operation(summary = "修改账户的姓名、所属党组织、角色、启用状态")
    AccountView update(@PathVariable long id, @Valid @RequestBody AccountForm form) {
        return accounts.update(id, form);
    }

    @PostMapping("/accounts/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable long id) {
        accounts.unlock(id);
    }

    @RequiresPermission(Permission.ACCOUNT_MANAGE)
    @PostMapping("/accounts/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "重置账户密码")
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordBody body) {
        accounts.resetPassword(id, body.password());
    }

    record PasswordBody(@NotBlank(message = "{account.password.weak}") String password) {
    }
}
