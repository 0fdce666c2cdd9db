package cn.tierup.identity;

import cn.tierup.identity.internal.AccountRepository;
import cn.tierup.shared.Actors;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The names people read for the accounts recorded as "who" (录入人, 评定人, 签订人): the person's name
 * ("李镇书"), never a login name, on pages and printed forms alike. Used as {@code @people.name(...)}.
 */
@Component("people")
public class People {

    private final AccountRepository accounts;

    People(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (Actors.SYSTEM.equals(username)) {
            return "系统导入";
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookUp(username);
        }
        // a page names the same few people on many lines (a register page: 50 lines, two names each): once a request
        @SuppressWarnings("unchecked")
        Map<String, String> named = (Map<String, String>) request.getAttribute(NAMED, RequestAttributes.SCOPE_REQUEST);
        if (named == null) {
            named = new HashMap<>();
            request.setAttribute(NAMED, named, RequestAttributes.SCOPE_REQUEST);
        }
        return named.computeIfAbsent(username, this::lookUp);
    }

    private String lookUp(String username) {
        // an account deleted since keeps its login name: the only trace of who it was
        return accounts.displayName(username).orElse(username);
    }

    private static final String NAMED = People.class.getName() + ".named";
}
