package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;

/**
 * The authority decided an organisation's 年末审定 grade in a campaign (上级审评). The register reads it from
 * {@code year_end_grade_view}; modules that plan from the year-end grade keep their own copy from this event.
 */
public record YearEndGradeDecided(long campaignId, long organizationId, long authorityOrganizationId, String grade,
                                  Grade level, String proposedGrade, LocalDateTime decidedAt) {
}
