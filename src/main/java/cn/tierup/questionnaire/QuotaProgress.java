package cn.tierup.questionnaire;

/**
 * Where a questionnaire stands against its quota: respondents so far, and for a questionnaire of 党员
 * and 群众 how many of each are still missing — the minimum split in the target ratio (100 at 7:3
 * needs 70 members and 30 of the public). A 民主测评 has a minimum number of evaluators only.
 */
public record QuotaProgress(int minimum, int memberShare, long members, long publics, boolean ratioApplies) {

    public long total() {
        return members + publics;
    }

    public int actualMemberShare() {
        return total() == 0 ? 0 : (int) Math.round(100.0 * members / total());
    }

    public long membersMissing() {
        if (!ratioApplies) {
            return 0;
        }
        long target = Math.round(minimum * memberShare / 100.0);
        return Math.max(0, target - members);
    }

    public long publicsMissing() {
        if (!ratioApplies) {
            return 0;
        }
        long target = minimum - Math.round(minimum * memberShare / 100.0);
        return Math.max(0, target - publics);
    }

    public long totalMissing() {
        return Math.max(0, minimum - total());
    }

    public boolean met() {
        return totalMissing() == 0 && membersMissing() == 0 && publicsMissing() == 0;
    }

    public int percentOfMinimum() {
        return minimum == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * total() / minimum));
    }
}
