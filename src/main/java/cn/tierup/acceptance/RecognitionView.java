package cn.tierup.acceptance;

import cn.tierup.campaign.RecognitionLevel;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A 示范 recognition as lists show it: names of the organisation (for a 示范站点, the host), the station where it is one,
 * the recorder and the people, never logins.
 */
public record RecognitionView(long id, long organizationId, String organizationName, String title, RecognitionLevel level,
                              String levelName, LocalDate recognizedOn, String issuedBy, String documentNumber,
                              long recorderOrganizationId, String recorderName, String recordedBy, LocalDateTime recordedAt,
                              String updatedBy, LocalDateTime updatedAt, long version, boolean canCorrect, Long stationId,
                              String stationName) {
}
