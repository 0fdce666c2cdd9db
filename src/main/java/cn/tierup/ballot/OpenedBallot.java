package cn.tierup.ballot;

import java.util.List;

/**
 * A ballot just opened: its id, its link's slug (by which its opener refers to it), its codes in printed form
 * and its closing key (计票密钥), the last two shown this once and never stored. Without the closing key the
 * ballot cannot be counted.
 */
public record OpenedBallot(long id, String slug, List<String> codes, String closingKey) {

    public OpenedBallot {
        codes = List.copyOf(codes);
    }

    @Override
    public String toString() {
        return "OpenedBallot[id=" + id + ", slug=" + slug + ", " + codes.size() + " codes]";
    }
}
