package cn.tierup.grading;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the clerk enters for a grading meeting: when and where, 应到 and 实到, and — for steps 1 and 2 —
 * the votes for each grade by name.
 */
public record MeetingRecord(LocalDate heldOn, String place, Integer expected, Integer attendance,
                            Map<String, Integer> votes) {
}
