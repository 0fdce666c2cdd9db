package cn.tierup.station;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;

/**
 * One station's line on the grading overview: where its grading of one round stands in a campaign ({@code status} null:
 * not begun), with its decided 年初定级 ({@code startGrade}, null while it has none).
 */
public record StationGradingLine(long stationId, String stationName, long hostId, String hostName, String status,
                                 Integer scoreTotal, String proposedGrade, String decidedGrade, Grade decidedLevel,
                                 String decidedByName, LocalDateTime decidedAt, String startGrade) {
}
