package cn.tierup.acceptance;

/**
 * The authority reopened an organisation's 上级审评 with a reason: the year-end grade decided before is withdrawn
 * until it is decided again, so copies kept from {@link YearEndGradeDecided} drop it.
 */
public record YearEndGradeReopened(long campaignId, long organizationId, String withdrawnGrade, String reason) {
}
