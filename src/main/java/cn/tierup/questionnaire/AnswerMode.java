package cn.tierup.questionnaire;

/** Open: anyone with the link, one answer per browser. Coded: one answer per printed one-time code. */
public enum AnswerMode {
    OPEN, CODED
}
