package cn.tierup.acceptance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One grading authority in the list of 工作总结: where its summary stands and whether it is late. */
public record WorkSummaryRow(long authorityId, String authorityName, boolean root, WorkSummaryStatus status, String statusName,
                             LocalDateTime handedInAt, boolean late, LocalDate dueOn) {
}
