package cn.tierup.identity;

import java.time.LocalDateTime;

/**
 * An account as lists and the API show it (never its password hash). {@code locked}: some address, or every address
 * it never signed in from, has to wait before trying its password again (an administrator can lift that).
 */
public record AccountView(long id, String username, String displayName, long organizationId,
                          String organizationName, Role role, boolean enabled, boolean locked,
                          LocalDateTime lastLoginAt, long version) {
}
