package cn.tierup.station;

import cn.tierup.campaign.Phase;

/**
 * The two gradings of a station in a campaign, as organisations have them: 年初定级 in the grading phase, the base of
 * 附件6/7 and of the year's rates, and 年末审定 in the 总结验收 phase, taken by the same steps and only for a station
 * graded at the start.
 */
public enum StationGradingRound {
    START(Phase.GRADING), YEAR_END(Phase.ACCEPTANCE);

    private final Phase phase;

    StationGradingRound(Phase phase) {
        this.phase = phase;
    }

    /** The campaign phase whose window the round's steps are taken in. */
    public Phase phase() {
        return phase;
    }
}
