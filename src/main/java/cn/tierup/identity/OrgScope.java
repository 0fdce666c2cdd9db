package cn.tierup.identity;

/**
 * The subtree a list query is limited to: every organisation whose path starts with {@code path}.
 * Only {@link ScopeGuard} makes these, so a query cannot be given a scope the user does not have.
 */
public record OrgScope(long rootId, String path) {

    public String likePattern() {
        return path + "%";
    }

    public boolean covers(String otherPath) {
        return otherPath != null && otherPath.startsWith(path);
    }
}
