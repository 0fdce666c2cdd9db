package cn.tierup.shared;

/**
 * Port through which every module writes the audit trail in the same transaction as the change
 * (so a change without its trail cannot be committed). Implemented by the audit module.
 */
public interface AuditRecorder {

    /**
     * @param entityType what kind of record changed, e.g. "Organization"
     * @param entityId its id
     * @param organizationId the organisation the change belongs to (for scoped reading), may be null
     * @param action what happened, e.g. "CREATE", "UPDATE", "MOVE"
     * @param summary one line a person can read, in Chinese
     * @param before the state before (any object serialisable to JSON), null for a creation
     * @param after the state after, null for a removal
     */
    void record(String entityType, Object entityId, Long organizationId, String action, String summary,
                Object before, Object after);

    /**
     * One entry of {@link #recordAll}, as {@link #record} takes it, with the path in the tree of the organisation it
     * belongs to (which {@code record} looks up).
     */
    record Entry(String entityType, Object entityId, long organizationId, String organizationPath, String action,
                 String summary, Object before, Object after) {
    }

    /** Many entries of one change at once (an import's thousands of organisations): written in one batch. */
    void recordAll(java.util.List<Entry> entries);
}
