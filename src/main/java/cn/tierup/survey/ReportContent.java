package cn.tierup.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The four sections of a report as in the first reference document, and the member meeting that
 * discussed it. {@code version} is the one the writer started from (to catch a concurrent save). {@code stations}
 * is the 远程教育站点 section, one entry per station the organisation hosts; left out (null), the stored entries stay.
 */
public record ReportContent(
        @Size(max = 20000, message = "{report.section.tooLong}") String basicSituation,
        @Size(max = 20000, message = "{report.section.tooLong}") String mainProblems,
        @Size(max = 20000, message = "{report.section.tooLong}") String causes,
        @Size(max = 20000, message = "{report.section.tooLong}") String measures,
        LocalDate meetingOn,
        @Min(value = 0, message = "{report.meeting.attendance}") @Max(value = 100000, message = "{report.meeting.attendance}") Integer meetingAttendance,
        Long version,
        @Valid @Size(max = 200, message = "{report.station.tooMany}") List<StationEntry> stations) {

    /** The report without its station section, as written where the organisation hosts no station. */
    public ReportContent(String basicSituation, String mainProblems, String causes, String measures, LocalDate meetingOn,
                         Integer meetingAttendance, Long version) {
        this(basicSituation, mainProblems, causes, measures, meetingOn, meetingAttendance, version, null);
    }
}
