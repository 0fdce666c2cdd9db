package cn.tierup.upgrade;

import java.time.LocalDate;
import java.util.List;

/** An organisation's 整改台账 with its counts and what the viewer may do. */
public record LedgerView(long campaignId, int year, long organizationId, String organizationName, String authorityName,
                         List<LedgerLine> items, long open, long closed, long overdue, LocalDate today,
                         boolean canWrite, boolean canClose) {
}
