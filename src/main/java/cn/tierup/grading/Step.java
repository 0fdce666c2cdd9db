package cn.tierup.grading;

/**
 * The five steps of 对标定级, in the order the notice prescribes, then DONE once the authority has decided.
 * A case is always at the next step to be done.
 */
public enum Step {
    PUBLIC_REVIEW, MEMBER_REVIEW, SELF_GRADING, DELIBERATION, DECISION, DONE;

    /** 1 to 5 as printed on the forms (DONE is 6). */
    public int number() {
        return ordinal() + 1;
    }

    public String messageKey() {
        return "step." + name();
    }

    /** Steps held as a meeting with attendance and a tally. */
    public boolean meeting() {
        return this == PUBLIC_REVIEW || this == MEMBER_REVIEW || this == DELIBERATION;
    }
}
