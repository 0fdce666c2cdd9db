package cn.tierup.organization;

/** One line of an organisation list or tree level. */
public record OrganizationRow(long id, Long parentId, String parentName, String name, OrgKind kind, Field field,
                              int depth, String secretary, boolean retired, long childCount, long memberCount) {
}
