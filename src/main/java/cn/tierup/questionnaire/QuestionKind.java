package cn.tierup.questionnaire;

/** 单选, 多选, 评价等级 (满意/基本满意/不满意 and the like), 简答, 详答. */
public enum QuestionKind {
    SINGLE, MULTIPLE, RATING, SHORT_TEXT, LONG_TEXT;

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE || this == RATING;
    }
}
