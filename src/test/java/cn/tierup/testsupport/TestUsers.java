package cn.tierup.testsupport;

import cn.tierup.identity.AccountPrincipal;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Acts as a demo account in MockMvc requests without paying for a password hash on every request.
 * The demo accounts: admin (city), zhen (丽春镇), jggw (机关工委), cun (a 丽春镇 village branch),
 * nyj (农业局党委), dangyuan (a member of that village); and one account for every other organisation that grades
 * others, held by its 书记 (shiwei for the city, the towns by pinyin, jiaoyu, sifa…: see DemoDataLoader).
 */
@TestComponent
public class TestUsers {

    private final UserDetailsService users;

    TestUsers(UserDetailsService users) {
        this.users = users;
    }

    public RequestPostProcessor as(String username) {
        AccountPrincipal p = principal(username);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    public AccountPrincipal principal(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }
}
