package cn.tierup.pledge;

/** 践诺: 已承诺 (not begun), 推进中, 已兑现, 未兑现. */
public enum Fulfilment {
    PLEDGED, IN_PROGRESS, FULFILLED, NOT_FULFILLED;

    public boolean settled() {
        return this == FULFILLED || this == NOT_FULFILLED;
    }
}
