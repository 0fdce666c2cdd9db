package cn.tierup.upgrade;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One line of the 整改台账 as shown, overdue or not as of the day it was read. */
public record LedgerLine(long id, long campaignId, long organizationId, Long stationId, int number, String problem, String measure,
                         String responsible, LocalDate deadline, ItemStatus status, boolean overdue, String returnReason,
                         String createdBy, LocalDateTime createdAt, String closedBy, LocalDateTime closedAt,
                         String closeRemark, List<Note> notes, long version) {

    /** Built inside the use case's transaction, where the item's notes can still be read. */
    static LedgerLine of(RectificationItem i, LocalDate today) {
        return new LedgerLine(i.getId(), i.getCampaignId(), i.getOrganizationId(), i.getStationId(), i.getNumber(), i.getProblem(),
                i.getMeasure(), i.getResponsible(), i.getDeadline(), i.getStatus(), i.overdue(today), i.getReturnReason(),
                i.getCreatedBy(), i.getCreatedAt(), i.getClosedBy(), i.getClosedAt(), i.getCloseRemark(),
                i.getNotes().stream().map(Note::of).toList(), i.getVersion());
    }

    /** A progress note; {@code evidence} when a file is attached to it. */
    public record Note(long id, String note, boolean evidence, String fileName, String contentType, Long sizeBytes,
                       String writtenBy, LocalDateTime writtenAt) {

        static Note of(RectificationNote n) {
            return new Note(n.getId(), n.getNote(), n.evidence(), n.getFileName(), n.getContentType(), n.getSizeBytes(),
                    n.getWrittenBy(), n.getWrittenAt());
        }
    }
}
