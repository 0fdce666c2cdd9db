package cn.tierup.shared;

/** Someone else saved the record since this user opened it; nothing was overwritten. */
public class StaleRecordException extends DomainException {

    public StaleRecordException() {
        super("error.stale");
    }
}
