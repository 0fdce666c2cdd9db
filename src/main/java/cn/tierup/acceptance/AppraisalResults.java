package cn.tierup.acceptance;

import java.util.Optional;

/**
 * The 党员群众民主测评 of organisations' self-reviews, as the 上级审评 page shows it beside the report: the counted
 * ratings of one organisation in one campaign (the sittings' totals added up), empty before any sitting is counted.
 */
public interface AppraisalResults {

    Optional<AppraisalResult> result(long campaignId, long organizationId);

    /** Counted ratings; the satisfaction rate counts 满意 and 基本满意 over all three. */
    record AppraisalResult(long satisfied, long fairlySatisfied, long dissatisfied, int sittings) {

        public long ratings() {
            return satisfied + fairlySatisfied + dissatisfied;
        }
    }
}
