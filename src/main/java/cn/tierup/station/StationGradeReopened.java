package cn.tierup.station;

/** The authority reopened a station's decided grade: it is withdrawn until decided again, so copies kept from {@link StationGradeDecided} drop it. */
public record StationGradeReopened(long campaignId, long stationId, long hostOrganizationId, String reason) {
}
