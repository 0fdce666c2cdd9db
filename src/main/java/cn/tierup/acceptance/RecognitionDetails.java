package cn.tierup.acceptance;

import cn.tierup.campaign.RecognitionLevel;
import java.time.LocalDate;

/**
 * What is typed for a 示范 recognition: the organisation — or the station (示范站点), whose host is then the
 * organisation —, the title (default 先进（示范）党组织 or 远程教育示范站点), level, day, issuing body, document number;
 * {@code version} when correcting.
 */
public record RecognitionDetails(Long organizationId, String title, RecognitionLevel level, LocalDate recognizedOn,
                                 String issuedBy, String documentNumber, Long version, Long stationId) {

    /** An organisation's recognition. */
    public RecognitionDetails(Long organizationId, String title, RecognitionLevel level, LocalDate recognizedOn,
                              String issuedBy, String documentNumber, Long version) {
        this(organizationId, title, level, recognizedOn, issuedBy, documentNumber, version, null);
    }
}
