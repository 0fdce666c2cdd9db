package cn.tierup.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The four sections of a report as in the first reference document, and the member meeting that
 * discussed it. {@code version} is the one the writer started from (to catch a concurrent save).
 */
public record ReportContent(
        @Size(max = 20000, message = "{report.section.tooLong}") String basicSituation,
        @Size(max = 20000, message = "{report.section.tooLong}") String mainProblems,
        @Size(max = 20000, message = "{report.section.tooLong}") String causes,
        @Size(max = 20000, message = "{report.section.tooLong}") String measures,
        LocalDate meetingOn,
        @Min(value = 0, message = "{report.meeting.attendance}") @Max(value = 100000, message = "{report.meeting.attendance}") Integer meetingAttendance,
        Long version) {
}
