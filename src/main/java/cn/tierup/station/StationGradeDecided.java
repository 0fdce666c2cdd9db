package cn.tierup.station;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;

/** A station's grade for a campaign was decided by its host's grading authority. */
public record StationGradeDecided(long campaignId, long stationId, long hostOrganizationId, String grade, Grade level,
                                  LocalDateTime decidedAt) {
}
