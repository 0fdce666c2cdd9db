package cn.tierup.acceptance;

import cn.tierup.grading.Grade;
import java.util.Collection;

/**
 * The counts behind one line of the year's figures: organisations at the start of the year (年初定级) and at its
 * end (年末审定) by class, and over those graded both times — the base of every rate — how many were 先进, 一般
 * and 后进 at the start, how many of the 先进 were named a counted 示范 in the year, how many 一般 became 先进
 * and how many 后进 rose above 后进.
 */
public record RateCounts(long startAdvanced, long startAverage, long startLagging,
                         long endAdvanced, long endAverage, long endLagging,
                         long baseAdvanced, long baseAverage, long baseLagging,
                         long modelNamed, long upgraded, long converted) {

    /** One covered organisation: its class at the start, at the end (null while it lacks a 年末审定 grade), and whether it was named a counted 示范 in the year. */
    public record Covered(Grade start, Grade end, boolean modelNamed) {
    }

    public static RateCounts of(Collection<Covered> covered) {
        long[] start = new long[3];
        long[] end = new long[3];
        long[] base = new long[3];
        long named = 0;
        long upgraded = 0;
        long converted = 0;
        for (Covered c : covered) {
            start[c.start().ordinal()]++;
            if (c.end() == null) {
                continue;
            }
            end[c.end().ordinal()]++;
            base[c.start().ordinal()]++;
            if (c.start() == Grade.ADVANCED && c.modelNamed()) {
                named++;
            }
            if (RatePolicy.upgraded(c.start(), c.end())) {
                upgraded++;
            }
            if (RatePolicy.converted(c.start(), c.end())) {
                converted++;
            }
        }
        return new RateCounts(start[0], start[1], start[2], end[0], end[1], end[2], base[0], base[1], base[2], named,
                upgraded, converted);
    }

    public long startTotal() {
        return startAdvanced + startAverage + startLagging;
    }

    public long endTotal() {
        return endAdvanced + endAverage + endLagging;
    }

    /** 先进 at the end ÷ all graded at the end. */
    public Rate advancedShare() {
        return new Rate(endAdvanced, endTotal());
    }

    /** 先进 at the start named a counted 示范 in the year ÷ 先进 at the start. */
    public Rate modelRate() {
        return new Rate(modelNamed, baseAdvanced);
    }

    /** 一般 at the start that are 先进 at the end ÷ 一般 at the start. */
    public Rate upgradeRate() {
        return new Rate(upgraded, baseAverage);
    }

    /** 后进 at the start that are above 后进 at the end ÷ 后进 at the start. */
    public Rate conversionRate() {
        return new Rate(converted, baseLagging);
    }
}
