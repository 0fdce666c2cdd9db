package cn.tierup.organization;

/**
 * One line of an organisation list or tree level. {@code memberCount} is its own roll's party members;
 * {@code subtreeMemberCount} those of it and every organisation under it (a 党委 with no roll of its own
 * holds its branches' members).
 */
public record OrganizationRow(long id, Long parentId, String parentName, String name, OrgKind kind, Field field,
                              int depth, String secretary, boolean retired, long childCount, long memberCount,
                              long subtreeMemberCount) {

    /** Whether the subtree holds members beyond its own roll: then both figures are shown. */
    public boolean hasSubtreeMembers() {
        return childCount > 0 || subtreeMemberCount != memberCount;
    }

    public OrganizationRow withSubtreeMemberCount(long n) {
        return new OrganizationRow(id, parentId, parentName, name, kind, field, depth, secretary, retired, childCount,
                memberCount, n);
    }
}
