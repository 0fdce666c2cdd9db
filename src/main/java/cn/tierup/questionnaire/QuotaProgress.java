package cn.tierup.questionnaire;

/**
 * Where a questionnaire stands against its quota. A quota of at least N at 党员 to 群众 a to b means at least
 * {@code membersRequired} 党员 (N × a%, rounded up) and at least {@code publicsRequired} 群众 (the rest of N),
 * and at least N in all: 200 at 7:3 needs 140 党员 and 60 群众, so 139:61 is not met though it has 200 and
 * rounds to 70%. A 民主测评 has a minimum number of evaluators only. {@code met} and the missing counts travel
 * with the figures (the JSON API carries them too), so that no page or client works them out again.
 */
public record QuotaProgress(int minimum, int memberShare, long members, long publics, boolean ratioApplies,
                            long membersRequired, long publicsRequired, long membersMissing, long publicsMissing,
                            long totalMissing, boolean met) {

    /** The progress of {@code members} and {@code publics} against at least {@code minimum} at {@code memberShare}%. */
    public static QuotaProgress of(int minimum, int memberShare, long members, long publics, boolean ratioApplies) {
        long membersRequired = ratioApplies ? (minimum * (long) memberShare + 99) / 100 : 0;
        long publicsRequired = ratioApplies ? Math.max(0, minimum - membersRequired) : 0;
        long membersMissing = Math.max(0, membersRequired - members);
        long publicsMissing = Math.max(0, publicsRequired - publics);
        long totalMissing = Math.max(0, minimum - (members + publics));
        boolean met = membersMissing == 0 && publicsMissing == 0 && totalMissing == 0;
        return new QuotaProgress(minimum, memberShare, members, publics, ratioApplies, membersRequired, publicsRequired,
                membersMissing, publicsMissing, totalMissing, met);
    }

    public long total() {
        return members + publics;
    }

    /**
     * Respondents still wanted beyond the missing 党员 and 群众 (either kind will do): 0 where the missing ones of
     * each kind already make up the minimum.
     */
    public long othersMissing() {
        return Math.max(0, totalMissing - membersMissing - publicsMissing);
    }

    public int percentOfMinimum() {
        return minimum == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * total() / minimum));
    }
}
