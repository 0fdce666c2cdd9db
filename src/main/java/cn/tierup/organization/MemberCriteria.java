package cn.tierup.organization;

/** Filters of the roll: one organisation, or with {@code subtree} everything under it. */
public record MemberCriteria(long organizationId, boolean subtree, String q, MemberCategory category,
                             MemberStatus status, Integer page, Integer size) {
}
