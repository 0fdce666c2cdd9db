package cn.tierup.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * The level of the body that names an organisation a model (示范): 全国, 省, 市（州）, 县（市、区）, 乡镇（街道）.
 * Which of them count towards the 先进 → 示范 rate is a campaign setting ({@link #counted()} by default, the
 * notice's "全国、省及成都市").
 */
public enum RecognitionLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY, TOWN;

    public static Set<RecognitionLevel> counted() {
        return EnumSet.of(NATIONAL, PROVINCIAL, CITY);
    }
}
