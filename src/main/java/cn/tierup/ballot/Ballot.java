package cn.tierup.ballot;

import java.time.LocalDate;
import java.util.List;

/**
 * A ballot as a voter sees it: its title, the subjects voted on, the choices offered for each, the day it
 * opens and whether it still takes votes.
 */
public record Ballot(long id, String slug, String title, List<String> subjects, List<String> choices, LocalDate opensOn,
                     boolean open) {

    public Ballot {
        subjects = List.copyOf(subjects);
        choices = List.copyOf(choices);
    }
}
