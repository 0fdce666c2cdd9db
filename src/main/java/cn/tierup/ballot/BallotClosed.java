package cn.tierup.ballot;

/** A ballot stopped taking votes and was counted; its codes are gone and only these totals remain. */
public record BallotClosed(long ballotId, String slug, Totals totals) {
}
