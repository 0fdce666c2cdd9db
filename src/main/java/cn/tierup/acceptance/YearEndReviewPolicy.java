package cn.tierup.acceptance;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;

/**
 * 上级审评: the year-end grade is decided by the organisation's grading authority — the accounts of the
 * organisation that decided its 年初定级, never one above it (the city's administrator included) and never the
 * organisation itself; a grade other than the one the member meeting proposed needs a reason; and whoever handed
 * the self-review in on the organisation's behalf does not also decide it.
 */
public final class YearEndReviewPolicy {

    private YearEndReviewPolicy() {
    }

    /** May the user bound to {@code actingOrganizationId} decide, return or reopen the review? */
    public static boolean isAuthority(long actingOrganizationId, long reviewedOrganizationId, long authorityOrganizationId) {
        return actingOrganizationId == authorityOrganizationId && actingOrganizationId != reviewedOrganizationId;
    }

    public static void checkAuthority(long actingOrganizationId, long reviewedOrganizationId, long authorityOrganizationId,
                                      String authorityName) {
        if (!isAuthority(actingOrganizationId, reviewedOrganizationId, authorityOrganizationId)) {
            throw new DomainException("acceptance.review.notAuthority", authorityName);
        }
    }

    public static void checkDecision(String decided, String proposed, String reason, String handedInBy, String decider) {
        if (!decided.equals(proposed) && (reason == null || reason.isBlank())) {
            throw new DomainException("acceptance.review.decision.reason", proposed == null ? "" : proposed);
        }
        BoundedText.TEXT.optional(reason, "field.tooLong");
        if (decider != null && decider.equals(handedInBy)) {
            throw new DomainException("acceptance.review.decision.ownHandIn");
        }
    }
}
