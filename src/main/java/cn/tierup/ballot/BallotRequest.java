package cn.tierup.ballot;

import java.time.LocalDate;
import java.util.List;

/**
 * What opening a ballot needs: its title, the day it opens, the subjects and the choices offered on each, and
 * how many one-time codes to print — none for a ballot whose opener admits each voter itself (one rating per
 * browser on a public page).
 */
public record BallotRequest(String title, LocalDate opensOn, List<String> subjects, List<String> choices, int codes) {

    /** Subjects one ballot can hold: its sealed votes must fit their column. */
    public static final int MAX_SUBJECTS = 2000;

    public BallotRequest {
        subjects = List.copyOf(subjects);
        choices = List.copyOf(choices);
        if (subjects.isEmpty() || choices.isEmpty() || codes < 0) {
            throw new IllegalArgumentException("a ballot needs subjects, choices and a number of codes");
        }
        // a sealed vote holds one byte per subject, the choice's place
        if (subjects.size() > MAX_SUBJECTS || choices.size() > 100) {
            throw new IllegalArgumentException("too many subjects or choices for one ballot");
        }
    }
}
