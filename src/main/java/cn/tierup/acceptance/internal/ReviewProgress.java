package cn.tierup.acceptance.internal;

import cn.tierup.acceptance.YearEndReviewStatus;
import java.time.LocalDateTime;

/**
 * Where an organisation's 自查初评 stands, for what it owes in 总结验收 (read without the review's report text and its
 * converted lists, which every desk and home page loaded for each of its units).
 */
public record ReviewProgress(long organizationId, YearEndReviewStatus status, String decidedGrade,
                             LocalDateTime handedInAt, String returnedReason) {
}
