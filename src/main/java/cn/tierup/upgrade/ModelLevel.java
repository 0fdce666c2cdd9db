package cn.tierup.upgrade;

/** The model (示范) level a 先进 organisation aims at: 全国, 省, 市. */
public enum ModelLevel {
    NATIONAL, PROVINCIAL, CITY
}
