package cn.tierup.survey;

import cn.tierup.shared.DomainException;

/**
 * A report goes to the superior it is filed with: only the organisation directly above the writer
 * accepts or returns it — never the writer itself.
 */
public final class ReviewPolicy {

    private ReviewPolicy() {
    }

    public static void check(long reviewerOrganizationId, long writerOrganizationId, Long writerParentId) {
        if (reviewerOrganizationId == writerOrganizationId) {
            throw new DomainException("report.review.own");
        }
        if (writerParentId == null || writerParentId != reviewerOrganizationId) {
            throw new DomainException("report.review.notParent");
        }
    }
}
