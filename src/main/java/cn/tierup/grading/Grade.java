package cn.tierup.grading;

/** The three classes of the programme: 先进, 一般, 后进 (names come from the scheme). */
public enum Grade {
    ADVANCED, AVERAGE, LAGGING
}
