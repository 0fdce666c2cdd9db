package cn.tierup.station;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;

/**
 * One line of the station register: a station's two grades of one campaign year — the decided 年初定级 (score, grade, who
 * decided, when and why) and, where decided, the 年末审定 ({@code end…}, null until then).
 */
public record StationRegisterLine(int year, long campaignId, long stationId, String stationName, long hostId, String hostName,
                                  Integer scoreTotal, Integer scoreMaximum, String proposedGrade, String decidedGrade,
                                  Grade decidedLevel, String reason, String decidedByName, LocalDateTime decidedAt,
                                  Integer endScoreTotal, String endProposedGrade, String endGrade, Grade endLevel,
                                  String endReason, String endDecidedByName, LocalDateTime endDecidedAt) {
}
