package cn.tierup.ballot;

import java.time.LocalDate;
import java.util.List;

/**
 * What opening a ballot needs. The {@code id} is the opener's record the ballot belongs to (a 审议's
 * meeting): the codes and counters are still stored under that key, as they were before the ballot was a
 * module of its own.
 */
public record BallotRequest(long id, String title, LocalDate opensOn, List<String> subjects, List<String> choices, int codes) {

    public BallotRequest {
        subjects = List.copyOf(subjects);
        choices = List.copyOf(choices);
        if (subjects.isEmpty() || choices.isEmpty() || codes < 0) {
            throw new IllegalArgumentException("a ballot needs subjects, choices and a number of codes");
        }
    }
}
