package cn.tierup.grading;

import cn.tierup.grading.internal.GradedOrganizations;
import cn.tierup.grading.internal.GradedOrganizations.GradedOrganization;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who acts as an organisation's superior in the campaign: its grading authority (评定组织 — set on it,
 * else its parent). The authority decides the grade, approves the goal and closes ledger items; users
 * bound to the authority or above it act for it, never the organisation's own users.
 */
@Component
public class Authorities {

    private final GradedOrganizations organizations;
    private final ScopeGuard guard;

    Authorities(GradedOrganizations organizations, ScopeGuard guard) {
        this.organizations = organizations;
        this.guard = guard;
    }

    /** The authority of an organisation: its id and name (null for the root). */
    public record Authority(Long id, String name) {
    }

    public Authority of(long organizationId) {
        GradedOrganization o = organizations.get(organizationId);
        return new Authority(o.authorityId(), o.authorityName());
    }

    public boolean mayActFor(long organizationId) {
        GradedOrganization org = organizations.get(organizationId);
        return org.authorityId() != null && guard.currentUser().organizationId() != org.id()
                && guard.can(Permission.GRADING_DECIDE, org.authorityId());
    }

    public void require(long organizationId) {
        if (!mayActFor(organizationId)) {
            throw new AccessDeniedException("not the grading authority");
        }
    }

    /** May read the organisation's campaign records: in scope, or acting as its authority. */
    public boolean mayRead(long organizationId) {
        return guard.can(Permission.CAMPAIGN_READ, organizationId) || mayActFor(organizationId);
    }
}
