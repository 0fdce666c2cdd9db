package cn.tierup.identity;

import java.time.LocalDateTime;

/** An account as lists and the API show it (never its password hash). */
public record AccountView(long id, String username, String displayName, long organizationId,
                          String organizationName, Role role, boolean enabled, boolean locked,
                          LocalDateTime lastLoginAt, long version) {
}
