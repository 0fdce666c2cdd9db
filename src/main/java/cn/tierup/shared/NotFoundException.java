package cn.tierup.shared;

/** The record does not exist, or the user may not know that it does. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("error.notFound", what, id);
    }
}
