package cn.tierup.upgrade;

import cn.tierup.grading.Grade;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A goal page: its grade and aim, the goal as far as written, and what the viewer may do. The organisation's own
 * goal, or — with {@code stationId} and {@code stationName} — that of a station it hosts ({@code organizationId}).
 */
public record GoalView(long campaignId, int year, long organizationId, String organizationName, Long stationId,
                       String stationName, String authorityName,
                       String grade, Grade gradeLevel, Aim aim, Long goalId, ModelLevel modelLevel, String statement,
                       List<Measure> measures, GoalStatus status, String returnReason, String submittedBy,
                       LocalDateTime submittedAt, String reviewedBy, LocalDateTime reviewedAt, String convertedBy,
                       LocalDateTime convertedAt, long ledgerItems, long ledgerOpen, boolean canWrite, boolean canReview,
                       long version) {

    public boolean graded() {
        return grade != null;
    }

    public boolean editable() {
        return canWrite && graded() && (status == null || status == GoalStatus.DRAFT || status == GoalStatus.RETURNED);
    }

    /** The goal of a station its host keeps. */
    public boolean station() {
        return stationId != null;
    }
}
