package cn.tierup.organization;

/** 学历 in the steps the roll's education structure is reported in. */
public enum Education {
    POSTGRADUATE, UNDERGRADUATE, COLLEGE, SECONDARY_VOCATIONAL, HIGH_SCHOOL, JUNIOR_HIGH_OR_BELOW
}
