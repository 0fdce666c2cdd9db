package cn.tierup.survey;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A report as its page shows it, with what the current user may do with it. {@code id} is null while
 * nothing has been written yet.
 */
public record ReportView(Long id, long campaignId, String campaignName, long organizationId, String organizationName,
                         Long parentId, String parentName, ReportType type, ReportStatus status, String basicSituation,
                         String mainProblems, String causes, String measures, LocalDate meetingOn,
                         Integer meetingAttendance, long membersOnRoll, LocalDateTime submittedAt, boolean submittedLate,
                         String returnReason, String decidedBy, LocalDateTime decidedAt, int versionCount,
                         String updatedBy, LocalDateTime updatedAt, long version, LocalDate dueOn, boolean canWrite,
                         boolean canReview, List<AttachmentView> attachments, List<VersionView> versions,
                         List<StationEntryView> stations) {

    public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
                                 LocalDateTime uploadedAt) {
    }

    public record VersionView(int number, LocalDateTime submittedAt, String submittedBy, boolean submittedLate,
                              ReportStatus outcome, String outcomeReason, String decidedBy, LocalDateTime decidedAt,
                              String basicSituation, String mainProblems, String causes, String measures,
                              LocalDate meetingOn, Integer meetingAttendance, List<StationEntryView> stations) {
    }

    /**
     * A station's entry: on the working copy one per station the organisation hosts (the parts null until written),
     * on a version the entries as handed in.
     */
    public record StationEntryView(long stationId, String stationName, String operation, String staffing,
                                   String resources, String funding, String assessment, String effect,
                                   String extension) {

        static StationEntryView of(StationAccount a) {
            return new StationEntryView(a.getStationId(), a.getStationName(), a.getOperation(), a.getStaffing(),
                    a.getResources(), a.getFunding(), a.getAssessment(), a.getEffect(), a.getExtension());
        }
    }
}
