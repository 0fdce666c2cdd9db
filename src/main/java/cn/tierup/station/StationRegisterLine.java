package cn.tierup.station;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;

/** One line of the station register: a station's decided grade in one campaign year, who decided, when and why. */
public record StationRegisterLine(int year, long campaignId, long stationId, String stationName, long hostId, String hostName,
                                  Integer scoreTotal, Integer scoreMaximum, String proposedGrade, String decidedGrade,
                                  Grade decidedLevel, String reason, String decidedByName, LocalDateTime decidedAt) {
}
