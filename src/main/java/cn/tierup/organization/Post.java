package cn.tierup.organization;

/** Posts of a leadership (班子): 书记, 副书记, 组织委员, 宣传委员, 纪检委员, 委员. */
public enum Post {
    SECRETARY, DEPUTY_SECRETARY, ORGANIZATION_MEMBER, PROPAGANDA_MEMBER, DISCIPLINE_MEMBER, COMMITTEE_MEMBER;

    /** A post only one person holds at a time: appointing a new holder ends the current one's term. */
    public boolean single() {
        return this != COMMITTEE_MEMBER && this != DEPUTY_SECRETARY;
    }
}
