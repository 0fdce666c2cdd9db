package cn.tierup.organization;

/**
 * An organisation moved with its whole subtree under a new parent (调整隶属关系): every path under
 * {@code oldPath} now starts with {@code newPath}.
 */
public record OrganizationMoved(long organizationId, long newParentId, String oldPath, String newPath) {
}
