package cn.tierup.campaign;

/** Where a phase stands by its dates: 未开始 before it starts, 进行中 from its first to its last day, 已结束 after. */
public enum PhaseStatus {
    NOT_STARTED, RUNNING, ENDED
}
