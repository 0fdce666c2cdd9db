package cn.tierup.grading;

/** How the 无记名测评 of step 4 was cast: paper ballots counted and entered, or phones with one-time codes. */
public enum BallotMode {
    PAPER, PHONE
}
