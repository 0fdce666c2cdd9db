package cn.tierup.grading;

import cn.tierup.shared.DomainException;

/**
 * When the 党员群众会议审议 passes a self-grade: more than {@code passPercent}% of the valid ballots
 * (同意 + 不同意 + 弃权; invalid ones do not count) agree. The notice's rule is more than half (50); a
 * campaign may set it higher.
 */
public final class DeliberationRule {

    public static final int DEFAULT_PERCENT = 50;

    private DeliberationRule() {
    }

    public static void checkPercent(int passPercent) {
        if (passPercent < 50 || passPercent > 99) {
            throw new DomainException("setup.passPercent");
        }
    }

    public static boolean passes(int agree, int disagree, int abstain, int passPercent) {
        int valid = agree + disagree + abstain;
        if (valid == 0) {
            throw new DomainException("ballot.noValid");
        }
        return agree * 100L > (long) passPercent * valid;
    }
}
