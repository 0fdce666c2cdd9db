package cn.tierup.questionnaire;

/**
 * Where a questionnaire stands against its quota: respondents so far by category, the share of party
 * members against the target ratio, and how many of each are still missing for the quota to be met
 * (the minimum split in the target ratio: 100 at 7:3 needs 70 members and 30 of the public).
 */
public record QuotaProgress(int minimum, int memberShare, long members, long publics) {

    public long total() {
        return members + publics;
    }

    public int actualMemberShare() {
        return total() == 0 ? 0 : (int) Math.round(100.0 * members / total());
    }

    /** Members still needed: the quota asks its minimum in the target ratio (100 at 7:3 → 70 and 30). */
    public long membersMissing() {
        long target = Math.round(minimum * memberShare / 100.0);
        return Math.max(0, target - members);
    }

    public long publicsMissing() {
        long target = minimum - Math.round(minimum * memberShare / 100.0);
        return Math.max(0, target - publics);
    }

    public boolean met() {
        return total() >= minimum && membersMissing() == 0 && publicsMissing() == 0;
    }

    public int percentOfMinimum() {
        return minimum == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * total() / minimum));
    }
}
