package cn.tierup.acceptance;

import cn.tierup.campaign.Targets;
import cn.tierup.grading.Grade;

/**
 * The year's rates against the targets (the notice, DOMAIN.md "4. 总结验收"). Rates count classes
 * (先进/一般/后进), so a move within a class (一类 → 县先进) is no upgrade. A target is met when the rate reaches
 * it (≥); in fields other than villages and communities the three rates — 提升率, 升级率, 转化率, not the 先进
 * share — must exceed the village target (>), except that a 100% target is met by 100%. Compared as exact
 * fractions; a rate with nothing in its denominator gets no verdict. Remote-education stations are counted by the same
 * rules against their own three targets (提升率 into 示范站点, 升级率, 转化率); they have no field, so a station
 * target is met when reached.
 */
public final class RatePolicy {

    /** The figures judged against a target: the organisations' four and the stations' three. */
    public enum Kind {
        ADVANCED_SHARE, MODEL_RATE, UPGRADE_RATE, CONVERSION_RATE,
        STATION_MODEL_RATE, STATION_UPGRADE_RATE, STATION_CONVERSION_RATE;

        /** A station rate: judged against the station targets, which have no field to exceed them in. */
        public boolean station() {
            return this == STATION_MODEL_RATE || this == STATION_UPGRADE_RATE || this == STATION_CONVERSION_RATE;
        }
    }

    /** 达标, 未达标, or none (an empty denominator). */
    public enum Verdict { MET, NOT_MET, NONE }

    /**
     * A rate beside its target, whether it must exceed it, and the verdict; with the rate's percent (null when
     * empty) and its printed form, for readers of the API.
     */
    public record Judged(Kind kind, Rate rate, java.math.BigDecimal percent, String display, int target, boolean mustExceed,
                         Verdict verdict) {
    }

    private RatePolicy() {
    }

    /** 村 and 城镇社区 hold the targets themselves; every other field must beat them. */
    public static boolean villageLike(String field) {
        return "VILLAGE".equals(field) || "COMMUNITY".equals(field);
    }

    /** A station rate against the station target: met when reached. */
    public static Judged judgeStation(Kind kind, Rate rate, Targets targets) {
        if (!kind.station()) {
            throw new IllegalArgumentException(kind + " is no station rate");
        }
        return judge(kind, rate, targets, null);
    }

    public static Judged judge(Kind kind, Rate rate, Targets targets, String field) {
        int target = switch (kind) {
            case ADVANCED_SHARE -> targets.villageAdvancedShare();
            case MODEL_RATE -> targets.modelRate();
            case UPGRADE_RATE -> targets.averageUpgradeRate();
            case CONVERSION_RATE -> targets.laggingConversionRate();
            case STATION_MODEL_RATE -> targets.stationModelRate();
            case STATION_UPGRADE_RATE -> targets.stationUpgradeRate();
            case STATION_CONVERSION_RATE -> targets.stationConversionRate();
        };
        boolean mustExceed = kind != Kind.ADVANCED_SHARE && !kind.station() && !villageLike(field);
        Verdict verdict;
        if (rate.empty()) {
            verdict = Verdict.NONE;
        } else if (mustExceed && target < 100) {
            verdict = rate.exceeds(target) ? Verdict.MET : Verdict.NOT_MET;
        } else {
            verdict = rate.reaches(target) ? Verdict.MET : Verdict.NOT_MET;
        }
        return new Judged(kind, rate, rate.percent(), rate.display(), target, mustExceed, verdict);
    }

    /** 一般 at the start and 先进 at the end. */
    public static boolean upgraded(Grade start, Grade end) {
        return start == Grade.AVERAGE && end == Grade.ADVANCED;
    }

    /** 后进 at the start and above 后进 at the end. */
    public static boolean converted(Grade start, Grade end) {
        return start == Grade.LAGGING && end != null && end != Grade.LAGGING;
    }
}
