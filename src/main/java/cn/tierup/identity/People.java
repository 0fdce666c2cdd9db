package cn.tierup.identity;

import cn.tierup.identity.internal.AccountRepository;
import cn.tierup.shared.Actors;
import org.springframework.stereotype.Component;

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
        // an account deleted since keeps its login name: the only trace of who it was
        return accounts.displayName(username).orElse(username);
    }
}
