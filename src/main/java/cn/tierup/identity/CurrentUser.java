package cn.tierup.identity;

import java.io.Serializable;

/** The logged-in user: who, for which organisation, in which role. Kept in the (JDBC) session. */
public record CurrentUser(long accountId, String username, String displayName, long organizationId, Role role)
        implements Serializable {

    public boolean has(Permission p) {
        return role.has(p);
    }
}
