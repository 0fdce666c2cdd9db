package cn.tierup.acceptance;

/** How a 民主测评 sitting rates: paper ballots counted at the meeting and entered, or phones with printed one-time codes. */
public enum AppraisalMode {
    PAPER, PHONE
}
