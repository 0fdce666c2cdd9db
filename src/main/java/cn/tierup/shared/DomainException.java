package cn.tierup.shared;

/**
 * A rule of the domain was broken by the input. The code is a key of the message bundle, so the user
 * reads a Chinese sentence that says what to fix; nothing has been changed when it is thrown.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public DomainException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
