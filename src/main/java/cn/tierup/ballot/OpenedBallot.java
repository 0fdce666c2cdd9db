package cn.tierup.ballot;

import java.util.List;

/** A ballot just opened: its link's slug and its codes in printed form, shown this once and never stored. */
public record OpenedBallot(long id, String slug, List<String> codes) {

    public OpenedBallot {
        codes = List.copyOf(codes);
    }
}
