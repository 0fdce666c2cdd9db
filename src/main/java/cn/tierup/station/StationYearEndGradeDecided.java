package cn.tierup.station;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;

/**
 * A station's 年末审定 grade was decided by its host's grading authority. Apart from {@link StationGradeDecided} (the
 * 年初定级), so that what follows a start grade — goals, the ledger — is not set off by the year's end.
 */
public record StationYearEndGradeDecided(long campaignId, long stationId, long hostOrganizationId, String grade, Grade level,
                                         LocalDateTime decidedAt) {
}
