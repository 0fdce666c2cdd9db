package cn.tierup.acceptance;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the organisation writes in its 自查初评: for each measure of its approved goal what was done (in the
 * measures' order), the overall report, and its member meeting — date, place, 应到/实到 and votes per grade name.
 * {@code version} is the one read, so a save over someone else's newer change is refused.
 */
public record YearEndReviewContent(
        @Size(max = 20000, message = "{acceptance.review.report.tooLong}") String report,
        List<String> measureResults,
        LocalDate meetingHeldOn,
        @Size(max = 200, message = "{meeting.place}") String meetingPlace,
        Integer meetingExpected,
        Integer meetingAttendance,
        Map<String, Integer> votes,
        Long version) {
}
