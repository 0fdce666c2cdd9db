package cn.tierup.identity;

import cn.tierup.identity.internal.AccountRepository;
import cn.tierup.shared.Actors;
import org.springframework.stereotype.Component;

/**
 * The names people read for the accounts recorded as "who" (录入人, 评定人, 签订人): "李镇书（zhen）"
 * rather than a login name. Used by pages and printed tables as {@code @people.name(...)}.
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
        return accounts.findByUsername(username).map(a -> a.getDisplayName() + "（" + username + "）").orElse(username);
    }
}
