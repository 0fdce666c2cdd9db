package cn.tierup.grading;

/**
 * Another module that grades against this module's standards (the 远程教育站点, field {@code STATION}) answers whether it
 * has begun: a standard graded against, or a field begun in a campaign, is fixed for them as for the organisations.
 */
public interface SchemeUsers {

    /** Whether anything has been graded against the standard {@code schemeId}. */
    boolean gradedAgainst(long schemeId);

    /** Whether grading of {@code field} has begun in the campaign (its standard can no longer be changed there). */
    boolean begun(long campaignId, String field);
}
