package cn.tierup.organization;

/** A person moved from one organisation's roll to another's (组织关系转接 inside the product). */
public record MemberTransferred(long memberId, long fromOrganizationId, long toOrganizationId) {
}
