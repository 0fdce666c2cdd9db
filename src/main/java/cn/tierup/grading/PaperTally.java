package cn.tierup.grading;

import java.time.LocalDate;

/** A paper 无记名测评 as counted at the meeting: ballots issued and returned, and how the returned ones split. */
public record PaperTally(LocalDate heldOn, String place, Integer expected, Integer attendance, Integer issued,
                         Integer returned, Integer agree, Integer disagree, Integer abstain, Integer invalid) {
}
