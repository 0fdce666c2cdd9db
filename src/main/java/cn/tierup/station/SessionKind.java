package cn.tierup.station;

/** What a learning session at a station was: 集中学习, 技能培训, 党课, 专题教育, 其他. */
public enum SessionKind {
    GROUP_STUDY, SKILL_TRAINING, PARTY_LECTURE, THEMED_EDUCATION, OTHER
}
