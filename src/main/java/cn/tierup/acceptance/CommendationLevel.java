package cn.tierup.acceptance;

/** The level of an honour: 全国, 省级, 市级, 县（市、区）级, 乡镇（街道）级. */
public enum CommendationLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY, TOWNSHIP
}
