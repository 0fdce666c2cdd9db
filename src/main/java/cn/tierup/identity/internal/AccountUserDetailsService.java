package cn.tierup.identity.internal;

import cn.tierup.identity.Account;
import cn.tierup.identity.AccountPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account a = accounts.findByUsername(LoginKey.name(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return new AccountPrincipal(a.toCurrentUser(), a.getPasswordHash(), a.isEnabled());
    }
}
