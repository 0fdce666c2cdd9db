package cn.tierup.station;

/** Whether a station runs: 在用, or 停用 (still on the registry, not running). Retiring takes it off the registry. */
public enum StationStatus {
    IN_USE, SUSPENDED
}
