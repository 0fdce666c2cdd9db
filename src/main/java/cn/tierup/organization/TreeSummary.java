package cn.tierup.organization;

import java.util.Map;

/** Counts over a subtree for the home page, computed from the records. */
public record TreeSummary(String rootName, long organizations, Map<OrgKind, Long> byKind, Map<Field, Long> byField,
                          Map<MemberCategory, Long> byCategory, long partyMembers, long retiredMembers,
                          long floatingMembers) {
}
