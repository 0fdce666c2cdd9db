package cn.tierup.station;

/** The authority reopened a station's 年末审定: withdrawn until decided again. */
public record StationYearEndGradeReopened(long campaignId, long stationId, long hostOrganizationId, String reason) {
}
