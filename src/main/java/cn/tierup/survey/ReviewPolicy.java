package cn.tierup.survey;

import cn.tierup.shared.DomainException;

/**
 * A report goes to the superior it is filed with: only the organisation directly above the writer
 * accepts or returns it — never the writer itself; and a superior who handed a report in on a weak
 * organisation's behalf does not accept it themselves: someone else at that superior must.
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

    public static void checkNotOwnHandIn(String submittedBy, String reviewer) {
        if (submittedBy != null && submittedBy.equals(reviewer)) {
            throw new DomainException("report.review.ownHandIn");
        }
    }
}
