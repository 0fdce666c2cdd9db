package cn.tierup.acceptance;

import cn.tierup.shared.DomainException;

/**
 * Who acts on a 工作总结: the authority writes and hands in its own; the campaign root's organisation department
 * accepts or returns the others. The root's own summary covers the whole campaign and goes to nobody.
 */
public final class WorkSummaryPolicy {

    private WorkSummaryPolicy() {
    }

    public static void checkWriter(long userOrganizationId, long authorityId) {
        if (userOrganizationId != authorityId) {
            throw new DomainException("acceptance.summary.notWriter");
        }
    }

    public static void checkHandIn(long authorityId, long rootId) {
        if (authorityId == rootId) {
            throw new DomainException("acceptance.summary.rootHandsInNothing");
        }
    }

    public static void checkReviewer(long userOrganizationId, long rootId, long authorityId) {
        if (userOrganizationId != rootId || authorityId == rootId) {
            throw new DomainException("acceptance.summary.notRoot");
        }
    }

    /** Whom a summary goes to: the root committee's organisation department (中共彭州市委员会 → 中共彭州市委组织部). */
    public static String addressee(String rootName) {
        String committee = "委员会";
        return rootName.endsWith(committee) ? rootName.substring(0, rootName.length() - committee.length()) + "委组织部"
                : rootName + "组织部";
    }
}
