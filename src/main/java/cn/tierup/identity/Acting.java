package cn.tierup.identity;

import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The acting user and the organisation an action is about, both read from the tree once at the start of
 * the action ({@link ScopeGuard#acting}); the action then asks this what the user may do there instead of
 * looking the organisation up again in every layer it passes. Answers as {@link ScopeGuard} does.
 *
 * @param home         the user's own organisation, where their scope starts (null if it has gone)
 * @param organization the organisation acted on (null if there is no such organisation)
 */
public record Acting(CurrentUser user, OrgRef home, long organizationId, OrgRef organization) {

    public boolean may(Permission permission) {
        return user.has(permission) && home != null && organization != null && home.covers(organization.path());
    }

    /** Refuses a missing permission or an organisation out of scope, and reports an unknown one as not found. */
    public OrgRef require(Permission permission) {
        if (!user.has(permission)) {
            throw new AccessDeniedException("missing " + permission.code());
        }
        if (home == null) {
            throw new AccessDeniedException("account organisation missing");
        }
        if (organization == null) {
            throw new NotFoundException("organization", organizationId);
        }
        if (!home.covers(organization.path())) {
            throw new AccessDeniedException("out of scope");
        }
        return organization;
    }

    /**
     * Refuses (out of scope) unless the user holds {@code permission} here or {@code otherRight} lets them in
     * anyway — say, acting as the organisation's authority from outside its subtree.
     */
    public void requireOr(Permission permission, boolean otherRight) {
        if (!otherRight && !may(permission)) {
            throw new AccessDeniedException("out of scope");
        }
    }

    /** The organisation's name, empty if there is no such organisation. */
    public String organizationName() {
        return organization == null ? "" : organization.name();
    }
}
