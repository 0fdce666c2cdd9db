package cn.tierup.grading;

/** 同意, 不同意, 弃权 on a self-grade. */
public enum BallotChoice {
    AGREE, DISAGREE, ABSTAIN
}
