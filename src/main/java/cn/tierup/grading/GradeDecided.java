package cn.tierup.grading;

import java.time.LocalDateTime;

/**
 * An organisation's grade for a campaign was decided by its authority (上级评定, step 5). Modules that
 * plan from the grade (the goal owed, who may assist) keep their own copy from this event.
 */
public record GradeDecided(long campaignId, long organizationId, String grade, Grade level, LocalDateTime decidedAt) {
}
