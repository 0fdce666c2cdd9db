package cn.tierup.grading;

/**
 * The authority reopened an organisation's grading at {@code to}: a grade decided before is withdrawn
 * until it is decided again, so copies kept from {@link GradeDecided} drop it.
 */
public record GradeReopened(long campaignId, long organizationId, Step to) {
}
