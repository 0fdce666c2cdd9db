package cn.tierup.organization;

/** 所在单位情况 as on the national collection sheet. */
public enum UnitType {
    SAME_AS_PARENT, LEGAL_ENTITY, JOINT
}
