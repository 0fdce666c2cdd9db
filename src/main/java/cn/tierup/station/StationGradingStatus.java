package cn.tierup.station;

/** Where a station's grading stands: the host fills the score sheet (自评), has handed it in (已上报), or the authority has decided (已评定). */
public enum StationGradingStatus {
    ASSESSING, SUBMITTED, DECIDED
}
