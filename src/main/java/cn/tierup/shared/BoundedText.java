package cn.tierup.shared;

/**
 * Text a person types into a bounded field — a name, a place, a title, a reason — as one small value:
 * kept stripped, refused when required and blank or when longer than the field holds. The limits are
 * named here once, so the rule and its column size are found in one place.
 */
public record BoundedText(int max) {

    /** A person's name (党员, 书记, 责任人, 帮扶人). */
    public static final BoundedText PERSON_NAME = new BoundedText(50);
    /** An organisation's or a campaign's name, a post (职务). */
    public static final BoundedText NAME = new BoundedText(100);
    /** A title, a place, a post, a short assessment, a file name. */
    public static final BoundedText TITLE = new BoundedText(200);
    /** A reminder or a summary line. */
    public static final BoundedText LINE = new BoundedText(300);
    /** A question, a pledge item, a measure. */
    public static final BoundedText ITEM = new BoundedText(500);
    /** Why a report is returned or a step reopened. */
    public static final BoundedText REMARK = new BoundedText(500);
    /** A reason for returning something, a problem found, a note on an arrangement. */
    public static final BoundedText REASON = new BoundedText(1000);
    /** Free text: a note, evidence, a comment, a goal. */
    public static final BoundedText TEXT = new BoundedText(2000);
    /** A statement (自评说明, 争创目标). */
    public static final BoundedText STATEMENT = new BoundedText(4000);

    /** The stripped text; refused with {@code blankCode} when blank, with {@code tooLongCode} when too long. */
    public String required(String text, String blankCode, String tooLongCode, Object... args) {
        if (text == null || text.isBlank()) {
            throw new DomainException(blankCode, args);
        }
        return fitted(text.strip(), tooLongCode, args);
    }

    /** The stripped text; refused with {@code code} when blank or too long. */
    public String required(String text, String code, Object... args) {
        return required(text, code, code, args);
    }

    /** The stripped text, or null when nothing was typed; refused with {@code tooLongCode} when too long. */
    public String optional(String text, String tooLongCode, Object... args) {
        return text == null || text.isBlank() ? null : fitted(text.strip(), tooLongCode, args);
    }

    /** Whether the text, stripped, fits. */
    public boolean fits(String text) {
        return text == null || text.strip().length() <= max;
    }

    /** The stripped text cut to the limit: for a reason kept beside a record, where losing its tail beats refusing it. */
    public String clip(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    private String fitted(String stripped, String tooLongCode, Object... args) {
        if (stripped.length() > max) {
            throw new DomainException(tooLongCode, args);
        }
        return stripped;
    }
}
