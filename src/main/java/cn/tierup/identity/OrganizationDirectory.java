package cn.tierup.identity;

import java.util.Optional;

/**
 * What identity needs to know of the organisation tree, implemented by the organization module (so
 * identity does not depend on it). Paths are read fresh on every check: an organisation that moved
 * takes its accounts' scope with it.
 */
public interface OrganizationDirectory {

    Optional<OrgRef> find(long organizationId);

    /** A person on a roll, by id: whose roll they are on now and whether they are still on it (not left). */
    Optional<MemberRef> findMember(long memberId);

    record OrgRef(long id, String name, String path, boolean retired) {

        /** True when {@code other} is this organisation or lies under it. */
        public boolean covers(String otherPath) {
            return otherPath != null && otherPath.startsWith(path);
        }
    }

    record MemberRef(long id, String name, long organizationId, boolean active) {
    }
}
