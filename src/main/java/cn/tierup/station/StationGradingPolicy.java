package cn.tierup.station;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;

/**
 * Who may decide a station's grade and when: never the host organisation itself (nobody grades their own), only once
 * the host has handed in its self-assessment and while nothing is decided, with a reason wherever the grade differs
 * from the one the host's score gave, and not by the person who filled the host's score sheet on its behalf.
 */
public final class StationGradingPolicy {

    private StationGradingPolicy() {
    }

    /** The facts a decision is checked against. */
    public record Decision(StationGradingStatus status, long hostOrganizationId, long actingOrganizationId,
                           String grade, String proposedGrade, String reason, String assessedBy, String decider) {
    }

    public static void check(Decision d) {
        if (d.actingOrganizationId() == d.hostOrganizationId()) {
            throw new DomainException("station.grading.ownStation");
        }
        if (d.status() == StationGradingStatus.ASSESSING) {
            throw new DomainException("station.grading.notSubmitted");
        }
        if (d.status() == StationGradingStatus.DECIDED) {
            throw new DomainException("station.grading.alreadyDecided");
        }
        if (!d.grade().equals(d.proposedGrade()) && (d.reason() == null || d.reason().isBlank())) {
            throw new DomainException("station.grading.reason", d.proposedGrade());
        }
        BoundedText.TEXT.optional(d.reason(), "field.tooLong");
        if (d.decider() != null && d.decider().equals(d.assessedBy())) {
            throw new DomainException("station.grading.ownAssessment");
        }
    }
}
