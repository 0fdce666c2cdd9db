package cn.tierup.acceptance;

/**
 * Where a sitting stands: a paper sitting is ENTERING until its tally is confirmed (corrected as often as needed
 * before), a phone sitting VOTING until its clerk's key counts it; then COUNTED for good. An uncounted sitting may be
 * VOIDED with a reason (a paper tally entered for the wrong meeting, a lost closing key).
 */
public enum AppraisalStatus {
    ENTERING, VOTING, COUNTED, VOIDED
}
