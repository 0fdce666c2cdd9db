package cn.tierup.identity;

import cn.tierup.shared.Decision;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.shared.NotFoundException;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may this user do this to that organisation?". A user acting for
 * organisation X may act on X and everything under it, and nothing beside or above it, and only
 * with the permissions of their role. Services call this before they touch a record; list queries
 * take the {@link OrgScope} it hands out.
 */
@Component
public class ScopeGuard {

    private final OrganizationDirectory directory;

    public ScopeGuard(OrganizationDirectory directory) {
        this.directory = directory;
    }

    public CurrentUser currentUser() {
        return currentUserIfAny().orElseThrow(() -> new AccessDeniedException("not logged in"));
    }

    public Optional<CurrentUser> currentUserIfAny() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(p.user());
        }
        return Optional.empty();
    }

    /** The subtree in which the current user holds {@code permission}. */
    public OrgScope scope(Permission permission) {
        CurrentUser user = currentUser();
        if (!user.has(permission)) {
            throw new AccessDeniedException("missing " + permission.code());
        }
        OrgRef home = directory.find(user.organizationId())
                .orElseThrow(() -> new AccessDeniedException("account organisation missing"));
        return new OrgScope(home.id(), home.path());
    }

    /** Requires {@code permission} on the organisation or an ancestor of it; returns the organisation. */
    public OrgRef require(Permission permission, long organizationId) {
        OrgScope scope = scope(permission);
        OrgRef target = directory.find(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
        if (!scope.covers(target.path())) {
            throw new AccessDeniedException("out of scope");
        }
        return target;
    }

    /**
     * Requires {@code permission} strictly below the user's own organisation: moving or retiring one's
     * own organisation is for its superiors.
     */
    public OrgRef requireBelow(Permission permission, long organizationId) {
        OrgRef target = require(permission, organizationId);
        if (target.id() == currentUser().organizationId()) {
            throw new AccessDeniedException("not on own organisation");
        }
        return target;
    }

    /** The current user and the organisation, read once, for an action to ask what the user may do there. */
    public Acting acting(long organizationId) {
        CurrentUser user = currentUser();
        return new Acting(user, directory.find(user.organizationId()).orElse(null), organizationId,
                directory.find(organizationId).orElse(null));
    }

    public boolean can(Permission permission, long organizationId) {
        try {
            require(permission, organizationId);
            return true;
        } catch (AccessDeniedException | NotFoundException e) {
            return false;
        }
    }

    /**
     * The same question answered as a {@link Decision} with the caller's own reason, for checks that list
     * what is refused (an import's preview) rather than stop at the first.
     */
    public Decision decide(Permission permission, long organizationId, String refusedCode, Object... args) {
        return can(permission, organizationId) ? Decision.allowed() : Decision.refused(refusedCode, args);
    }
}
