package cn.tierup.organization;

/** Why someone left the roll: transferred out of the system, died, removed, or expelled. */
public enum LeaveReason {
    TRANSFERRED_OUT, DECEASED, REMOVED, EXPELLED
}
