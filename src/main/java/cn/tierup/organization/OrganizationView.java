package cn.tierup.organization;

import java.time.LocalDate;

/** An organisation as its page and the API show it. Figures (members of its own roll and of its whole subtree, children) are counted, not stored. */
public record OrganizationView(long id, Long parentId, String parentName, String path, int depth, String name,
                               OrgKind kind, Field field, Long gradingAuthorityId, Long effectiveGradingAuthorityId,
                               String effectiveGradingAuthorityName, String secretary, String contactPerson,
                               String contactPhone, UnitType unitType, String unitName, LocalDate establishedOn,
                               LocalDate lastElectionOn, boolean retired, LocalDate retiredOn, long memberCount,
                               long childCount, long version, long subtreeMemberCount, Integer sortOrder) {
}
