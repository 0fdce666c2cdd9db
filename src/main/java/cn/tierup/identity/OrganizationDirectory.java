package cn.tierup.identity;

import java.util.Optional;

/**
 * What identity needs to know of the organisation tree, implemented by the organization module (so
 * identity does not depend on it). Paths are read fresh on every check: an organisation that moved
 * takes its accounts' scope with it.
 */
public interface OrganizationDirectory {

    Optional<OrgRef> find(long organizationId);

    record OrgRef(long id, String name, String path, boolean retired) {

        /** True when {@code other} is this organisation or lies under it. */
        public boolean covers(String otherPath) {
            return otherPath != null && otherPath.startsWith(path);
        }
    }
}
