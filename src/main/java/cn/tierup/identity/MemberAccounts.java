package cn.tierup.identity;

import cn.tierup.identity.OrganizationDirectory.MemberRef;
import cn.tierup.identity.internal.AccountRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who on the roll the logged-in account is. Read fresh on every call, like paths: a member who has since moved to
 * another organisation's roll or left it is no longer this account's person, whatever the account once said.
 */
@Component
public class MemberAccounts {

    private final AccountRepository accounts;
    private final OrganizationDirectory directory;
    private final ScopeGuard guard;

    MemberAccounts(AccountRepository accounts, OrganizationDirectory directory, ScopeGuard guard) {
        this.accounts = accounts;
        this.directory = directory;
        this.guard = guard;
    }

    /** The current user's person on the roll of the account's organisation, if the account names one still there. */
    @Transactional(readOnly = true)
    public Optional<MemberRef> mine() {
        CurrentUser user = guard.currentUser();
        return accounts.findById(user.accountId()).map(Account::getMemberId).flatMap(directory::findMember)
                .filter(m -> m.active() && m.organizationId() == user.organizationId());
    }
}
