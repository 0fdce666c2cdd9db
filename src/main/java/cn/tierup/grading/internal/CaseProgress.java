package cn.tierup.grading.internal;

import cn.tierup.grading.Step;
import java.time.LocalDateTime;

/** Where an organisation's grading case stands, for what it owes in 对标定级 (read without the case and its meetings). */
public record CaseProgress(long organizationId, Step step, int round, LocalDateTime readyAt, LocalDateTime decidedAt,
                           String decidedGrade) {
}
