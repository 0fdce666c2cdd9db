package cn.tierup.shared;

import java.util.EnumMap;
import java.util.Map;

/** 满意, 基本满意, 不满意; the satisfaction rate counts the first two. */
public enum Satisfaction {
    SATISFIED, FAIRLY_SATISFIED, DISSATISFIED;

    /** A count for every choice, all at zero: the tally of a page nobody has rated yet. */
    public static Map<Satisfaction, Long> noRatings() {
        Map<Satisfaction, Long> m = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : values()) {
            m.put(s, 0L);
        }
        return m;
    }
}
