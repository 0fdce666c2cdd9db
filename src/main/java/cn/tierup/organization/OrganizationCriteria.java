package cn.tierup.organization;

/** Filters of the organisation list; {@code under} narrows to a subtree inside the user's scope. */
public record OrganizationCriteria(Long under, String q, Field field, OrgKind kind, boolean includeRetired,
                                   Integer page, Integer size) {

    public static OrganizationCriteria all() {
        return new OrganizationCriteria(null, null, null, null, false, 0, 20);
    }
}
