package cn.tierup.organization;

import cn.tierup.shared.Decision;

/**
 * No organisation ever decides its own grade: its grading authority (评定组织) is its parent by default,
 * or another active organisation that is neither itself nor anywhere beneath it (机关工委, a sector's
 * department, the "两新"组织党工委, 司法/民政 party organisations...).
 */
public final class GradingAuthorityPolicy {

    private GradingAuthorityPolicy() {
    }

    /** May {@code authority} grade {@code graded}? ({@code graded} is null for an organisation not created yet.) */
    public static Decision decide(Organization graded, Organization authority) {
        if (authority == null) {
            return Decision.allowed();
        }
        if (graded != null && authority.getId().equals(graded.getId())) {
            return Decision.refused("org.authority.self");
        }
        if (graded != null && graded.covers(authority)) {
            return Decision.refused("org.authority.descendant", authority.getName());
        }
        if (authority.isRetired()) {
            return Decision.refused("org.authority.retired", authority.getName());
        }
        if (authority.getKind() == OrgKind.BRANCH) {
            return Decision.refused("org.authority.branch", authority.getName());
        }
        return Decision.allowed();
    }

    public static void check(Organization graded, Organization authority) {
        decide(graded, authority).orThrow();
    }
}
