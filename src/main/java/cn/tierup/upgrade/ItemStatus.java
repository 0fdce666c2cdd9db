package cn.tierup.upgrade;

/** 整改中, 已销号. */
public enum ItemStatus {
    OPEN, CLOSED
}
