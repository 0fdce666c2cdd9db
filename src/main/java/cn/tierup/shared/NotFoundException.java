package cn.tierup.shared;

/** The record does not exist, or the user may not know that it does. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("error.notFound", what, id);
    }

    private NotFoundException(Object[] args, String code) {
        super(code, args);
    }

    /** Not found, said in the caller's own words (what to do next, where the generic sentence cannot say it). */
    public static NotFoundException saying(String code, Object... args) {
        return new NotFoundException(args, code);
    }
}
