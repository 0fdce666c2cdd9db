package cn.tierup.identity;

/** What a role may do, as module:resource:action. Where it may do it is the organisation subtree. */
public enum Permission {
    ORG_READ("organization:org:read"),
    ORG_WRITE("organization:org:write"),
    ORG_MOVE("organization:org:move"),
    ORG_AUTHORITY("organization:org:authority"),
    MEMBER_READ("organization:member:read"),
    MEMBER_WRITE("organization:member:write"),
    MEMBER_PII("organization:member:pii"),
    IMPORT("organization:data:import"),
    ACCOUNT_MANAGE("identity:account:manage"),
    AUDIT_READ("audit:entry:read"),
    CAMPAIGN_READ("campaign:campaign:read"),
    CAMPAIGN_MANAGE("campaign:campaign:manage"),
    SURVEY_WRITE("survey:report:write"),
    SURVEY_REVIEW("survey:report:review"),
    GRADING_WRITE("grading:case:write"),
    GRADING_DECIDE("grading:case:decide"),
    UPGRADE_WRITE("upgrade:plan:write"),
    PLEDGE_WRITE("pledge:pledge:write"),
    /** A party member's read-only view of their own branch in the campaign (the member's home). */
    MEMBER_HOME("memberhome:branch:read");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
