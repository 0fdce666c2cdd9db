package cn.tierup.identity;

import cn.tierup.identity.internal.AccountRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts without a logged-in user: the first administrator and the demo accounts only. */
@Service
public class AccountBootstrap {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    AccountBootstrap(AccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean noAccounts() {
        return accounts.count() == 0;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void create(String username, String displayName, String password, long organizationId, Role role) {
        PasswordPolicy.check(password);
        accounts.save(new Account(username, displayName, encoder.encode(password), organizationId, role));
    }

    /** An account to create: who logs in, the person's name people read, where and as what. */
    public record NewAccount(String username, String displayName, long organizationId, Role role) {
    }

    /**
     * Accounts that share one published password (the demo's): hashed once, since a slow hash per account
     * would be most of the demo's load time and a shared salt tells nothing the published password does not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void createAll(java.util.List<NewAccount> all, String password) {
        PasswordPolicy.check(password);
        String hash = encoder.encode(password);
        for (NewAccount a : all) {
            accounts.save(new Account(a.username(), a.displayName(), hash, a.organizationId(), a.role()));
        }
    }
}
