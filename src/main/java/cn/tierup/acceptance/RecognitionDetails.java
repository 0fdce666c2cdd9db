package cn.tierup.acceptance;

import cn.tierup.campaign.RecognitionLevel;
import java.time.LocalDate;

/** What is typed for a 示范 recognition: the organisation, the title (default 先进（示范）党组织), level, day, issuing body, document number; {@code version} when correcting. */
public record RecognitionDetails(Long organizationId, String title, RecognitionLevel level, LocalDate recognizedOn,
                                 String issuedBy, String documentNumber, Long version) {
}
