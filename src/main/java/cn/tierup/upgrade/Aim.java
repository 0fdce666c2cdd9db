package cn.tierup.upgrade;

import cn.tierup.grading.Grade;

/** What a grade asks of the year: 先进 巩固提高 (aim at a model level), 一般 争当先进, 后进 整顿转化. */
public enum Aim {
    CONSOLIDATE, BECOME_ADVANCED, RECTIFY;

    public static Aim forGrade(Grade level) {
        return switch (level) {
            case ADVANCED -> CONSOLIDATE;
            case AVERAGE -> BECOME_ADVANCED;
            case LAGGING -> RECTIFY;
        };
    }
}
