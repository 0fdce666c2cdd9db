package cn.tierup.organization;

import cn.tierup.shared.DomainException;

/**
 * No organisation ever decides its own grade: its grading authority (评定组织) is its parent by default,
 * or another active organisation that is neither itself nor anywhere beneath it (机关工委, a sector's
 * department, the "两新"组织党工委, 司法/民政 party organisations...).
 */
public final class GradingAuthorityPolicy {

    private GradingAuthorityPolicy() {
    }

    public static void check(Organization graded, Organization authority) {
        if (authority == null) {
            return;
        }
        if (authority.getId().equals(graded.getId())) {
            throw new DomainException("org.authority.self");
        }
        if (graded.covers(authority)) {
            throw new DomainException("org.authority.descendant", authority.getName());
        }
        if (authority.isRetired()) {
            throw new DomainException("org.authority.retired", authority.getName());
        }
        if (authority.getKind() == OrgKind.BRANCH) {
            throw new DomainException("org.authority.branch", authority.getName());
        }
    }
}
