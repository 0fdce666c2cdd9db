package cn.tierup.upgrade;

import java.time.LocalDate;
import java.util.List;

/**
 * A 整改台账 with its counts and what the viewer may do: the organisation's own, or — with {@code stationId} and
 * {@code stationName} — that of a station it hosts ({@code organizationId}).
 */
public record LedgerView(long campaignId, int year, long organizationId, String organizationName, Long stationId,
                         String stationName, String authorityName, List<LedgerLine> items, long open, long closed,
                         long overdue, LocalDate today, boolean canWrite, boolean canClose) {

    /** The ledger of a station its host keeps. */
    public boolean station() {
        return stationId != null;
    }
}
