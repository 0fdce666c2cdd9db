package cn.tierup.acceptance;

import cn.tierup.acceptance.YearEndFigures.Figures;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A 工作总结 as its page and the API show it: the figures (computed now), the three written parts, where it stands
 * (people by name), the due date, whether it went in late, what the reader may do with it, and whom it is addressed to
 * (the root's organisation department).
 */
public record WorkSummaryView(Long id, long campaignId, String campaignName, int year, long authorityId, String authorityName,
                              long rootOrganizationId, String rootName, boolean root, WorkSummaryStatus status,
                              String statusName, String achievements, String problems, String plans, int handIns,
                              LocalDateTime handedInAt, String handedInBy, boolean handedInLate, String returnedReason,
                              String decidedBy, LocalDateTime decidedAt, String updatedBy, LocalDateTime updatedAt,
                              long version, LocalDate dueOn, boolean overdue, boolean canWrite, boolean canHandIn,
                              boolean canReview, Figures figures, String addressee) {
}
