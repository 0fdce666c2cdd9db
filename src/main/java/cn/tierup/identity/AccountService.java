package cn.tierup.identity;

import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.internal.AccountQueries;
import cn.tierup.identity.internal.AccountRepository;
import cn.tierup.identity.internal.LoginThrottles;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.PageResult;
import cn.tierup.shared.StaleRecordException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: each use case one transaction, authorised by the scope guard, written to the audit trail. */
@Service
public class AccountService {

    /** Accounts and addresses named on the home page at most. */
    static final int ALERTS_SHOWN = 20;
    static final int ADDRESSES_SHOWN = 10;

    private final AccountRepository accounts;
    private final ScopeGuard guard;
    private final OrganizationDirectory directory;
    private final PasswordEncoder passwordEncoder;
    private final AuditRecorder audit;
    private final AccountQueries queries;
    private final LoginThrottles throttles;
    private final LoginThrottlePolicy throttlePolicy;

    AccountService(AccountRepository accounts, ScopeGuard guard, OrganizationDirectory directory,
                   PasswordEncoder passwordEncoder, AuditRecorder audit, AccountQueries queries,
                   LoginThrottles throttles, LoginThrottlePolicy throttlePolicy) {
        this.accounts = accounts;
        this.guard = guard;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.queries = queries;
        this.throttles = throttles;
        this.throttlePolicy = throttlePolicy;
    }

    @Transactional(readOnly = true)
    public PageResult<AccountView> list(String query, Integer page, Integer size) {
        OrgScope scope = guard.scope(Permission.ACCOUNT_MANAGE);
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        String q = query == null || query.isBlank() ? null : "%" + query.strip() + "%";
        return queries.page(scope.likePattern(), q, p, s, LocalDateTime.now());
    }

    /** Accounts still enabled at an organisation: an organisation is retired only when none is left. */
    @Transactional(readOnly = true)
    public long enabledAccountsAt(long organizationId) {
        return accounts.countByOrganizationIdAndEnabledTrue(organizationId);
    }

    @Transactional(readOnly = true)
    public AccountView get(long id) {
        Account a = load(id);
        return view(a);
    }

    @Transactional
    public AccountView create(AccountForm form) {
        OrgRef org = guard.require(Permission.ACCOUNT_MANAGE, form.organizationId());
        requireAssignable(form.role());
        if (org.retired()) {
            throw new DomainException("account.organization.retired");
        }
        String username = form.username().strip();
        if (accounts.existsByUsername(username)) {
            throw new DomainException("account.username.taken", username);
        }
        PasswordPolicy.check(form.password());
        Account a = new Account(username, form.displayName(), passwordEncoder.encode(form.password()),
                org.id(), form.role());
        if (form.enabled() != null) {
            a.setEnabled(form.enabled());
        }
        accounts.saveAndFlush(a);
        audit.record("Account", a.getId(), org.id(), "CREATE", "新建账户 " + a.getUsername(), null, snapshot(a));
        return view(a);
    }

    @Transactional
    public AccountView update(long id, AccountForm form) {
        Account a = load(id);
        checkVersion(a, form.version());
        OrgRef org = guard.require(Permission.ACCOUNT_MANAGE, form.organizationId());
        requireAssignable(form.role());
        if (a.getId() == guard.currentUser().accountId() && form.role() != a.getRole()) {
            throw new DomainException("account.ownRole");
        }
        Map<String, Object> before = snapshot(a);
        a.assign(form.displayName(), org.id(), form.role());
        if (form.enabled() != null) {
            if (!form.enabled() && a.getId() == guard.currentUser().accountId()) {
                throw new DomainException("account.disableSelf");
            }
            a.setEnabled(form.enabled());
        }
        accounts.saveAndFlush(a);
        audit.record("Account", a.getId(), org.id(), "UPDATE", "修改账户 " + a.getUsername(), before, snapshot(a));
        return view(a);
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        Account a = load(id);
        PasswordPolicy.check(newPassword);
        a.changePasswordHash(passwordEncoder.encode(newPassword));
        throttles.clear(a.getUsername());
        audit.record("Account", a.getId(), a.getOrganizationId(), "RESET_PASSWORD", "重置账户 " + a.getUsername() + " 的密码", null, null);
    }

    /** Lifts every wait on the account's logins: at each address and over all; its known addresses stay known. */
    @Transactional
    public void unlock(long id) {
        Account a = load(id);
        Map<String, Object> before = snapshot(a);
        throttles.clear(a.getUsername());
        audit.record("Account", a.getId(), a.getOrganizationId(), "UNLOCK", "解锁账户 " + a.getUsername(), before, snapshot(a));
    }

    /**
     * Sustained wrong passwords against accounts the current user manages, for their home page; nothing for a user
     * who manages no accounts.
     */
    @Transactional(readOnly = true)
    public List<LoginAlert> loginAlerts() {
        if (guard.currentUserIfAny().filter(u -> u.has(Permission.ACCOUNT_MANAGE)).isEmpty()) {
            return List.of();
        }
        OrgScope scope = guard.scope(Permission.ACCOUNT_MANAGE);
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime since = throttlePolicy.forgetBefore(now);
        return throttles.watched(scope.likePattern(), throttlePolicy.noticeAfter(), since, ALERTS_SHOWN).stream()
                .map(w -> new LoginAlert(w.accountId(), w.username(), w.displayName(), w.failures(), w.since(),
                        w.last(), w.nextAttemptAt() != null && w.nextAttemptAt().isAfter(now),
                        throttles.addresses(w.username(), since, ADDRESSES_SHOWN)))
                .toList();
    }

    /** Any logged-in user changes their own password, knowing the current one. */
    @Transactional
    public void changeOwnPassword(String current, String newPassword) {
        CurrentUser me = guard.currentUser();
        Account a = accounts.findById(me.accountId()).orElseThrow(() -> new NotFoundException("account", me.accountId()));
        if (current == null || !passwordEncoder.matches(current, a.getPasswordHash())) {
            throw new DomainException("account.password.currentWrong");
        }
        PasswordPolicy.check(newPassword);
        a.changePasswordHash(passwordEncoder.encode(newPassword));
        audit.record("Account", a.getId(), a.getOrganizationId(), "CHANGE_PASSWORD", "修改本人密码", null, null);
    }

    /** Loads an account the current user may manage: one bound to an organisation in their scope. */
    private Account load(long id) {
        Account a = accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
        guard.require(Permission.ACCOUNT_MANAGE, a.getOrganizationId());
        return a;
    }

    /** No one hands out more power than they hold: only an administrator makes administrators. */
    private void requireAssignable(Role role) {
        if (role == Role.ADMIN && guard.currentUser().role() != Role.ADMIN) {
            throw new AccessDeniedException("cannot grant ADMIN");
        }
    }

    private static void checkVersion(Account a, Long version) {
        if (version != null && version != a.getVersion()) {
            throw new StaleRecordException();
        }
    }

    private AccountView view(Account a) {
        String orgName = directory.find(a.getOrganizationId()).map(OrgRef::name).orElse("");
        return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getOrganizationId(), orgName,
                a.getRole(), a.isEnabled(), throttles.holdsBack(a.getUsername(), LocalDateTime.now()), a.getLastLoginAt(),
                a.getVersion());
    }

    private Map<String, Object> snapshot(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.getUsername());
        m.put("displayName", a.getDisplayName());
        m.put("organizationId", a.getOrganizationId());
        m.put("role", a.getRole());
        m.put("enabled", a.isEnabled());
        m.put("loginHeldBack", throttles.holdsBack(a.getUsername(), LocalDateTime.now()));
        return m;
    }
}
