package cn.tierup.shared;

import java.util.Arrays;

/**
 * What a policy answers: allowed, or refused with the message code (and its arguments) that says why
 * in Chinese. One rule then serves both the action, which throws the refusal ({@link #orThrow}), and
 * a preview, which lists it beside the row or field it is about.
 */
public record Decision(String code, Object[] args) {

    private static final Decision ALLOWED = new Decision(null, new Object[0]);

    public static Decision allowed() {
        return ALLOWED;
    }

    public static Decision refused(String code, Object... args) {
        return new Decision(code, args);
    }

    public boolean isAllowed() {
        return code == null;
    }

    /** This decision, or the next one when this is allowed: the first refusal of a chain of rules. */
    public Decision and(java.util.function.Supplier<Decision> next) {
        return isAllowed() ? next.get() : this;
    }

    /** Does nothing when allowed; throws the refusal as the {@link DomainException} every page and API reports. */
    public void orThrow() {
        if (!isAllowed()) {
            throw new DomainException(code, args);
        }
    }

    @Override
    public String toString() {
        return isAllowed() ? "allowed" : "refused " + code + Arrays.toString(args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && java.util.Objects.equals(code, d.code) && Arrays.equals(args, d.args);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(code, Arrays.hashCode(args));
    }
}
