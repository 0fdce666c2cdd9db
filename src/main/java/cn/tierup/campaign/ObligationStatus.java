package cn.tierup.campaign;

/** Where a piece of owed work stands: 未开始, 草稿, 已提交, 被退回, 已通过. */
public enum ObligationStatus {
    NOT_STARTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED;

    public boolean handedIn() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
