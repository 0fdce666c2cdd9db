package cn.tierup.grading;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import java.time.LocalDate;

/**
 * The authority's meeting at which grades are decided (评定会议): its date and its record (纪要 — who attended,
 * what was discussed). A committee decides many of its organisations at one meeting, so the record is written once
 * and kept with each decision made there. {@link #NONE} where a single decision names no meeting.
 */
public record DecisionMeeting(LocalDate heldOn, String minutes) {

    public static final DecisionMeeting NONE = new DecisionMeeting(null, null);

    public DecisionMeeting {
        minutes = minutes == null || minutes.isBlank() ? null : minutes.strip();
    }

    /** A meeting that decides several: its date (not later than today) and its record are required. */
    public static DecisionMeeting held(LocalDate heldOn, String minutes, LocalDate today) {
        if (heldOn == null) {
            throw new DomainException("batch.meetingOn");
        }
        if (heldOn.isAfter(today)) {
            throw new DomainException("batch.meetingLater", heldOn);
        }
        BoundedText.STATEMENT.required(minutes, "batch.minutes");
        return new DecisionMeeting(heldOn, minutes);
    }

    /** A meeting named with a single decision: either part may be left out, the record within bounds. */
    public static DecisionMeeting optional(LocalDate heldOn, String minutes, LocalDate today) {
        if (heldOn != null && heldOn.isAfter(today)) {
            throw new DomainException("batch.meetingLater", heldOn);
        }
        BoundedText.STATEMENT.optional(minutes, "field.tooLong");
        return new DecisionMeeting(heldOn, minutes);
    }

    /** How the audit trail names it: "（评定会议 2026-12-20）", or nothing. */
    String audited() {
        return heldOn == null ? "" : "（评定会议 " + heldOn + "）";
    }
}
