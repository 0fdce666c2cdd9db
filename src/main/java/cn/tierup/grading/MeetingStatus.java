package cn.tierup.grading;

/** OPEN while a phone ballot is running; RECORDED once its result stands; VOID when the authority reopened the step. */
public enum MeetingStatus {
    OPEN, RECORDED, VOID
}
