package cn.tierup.identity;

import java.util.EnumSet;
import java.util.Set;

import static cn.tierup.identity.Permission.*;

/**
 * The users of DOMAIN.md "Who uses it". The permissions of each role apply to the subtree of the
 * organisation the account is bound to; the public (群众) has no account at all.
 */
public enum Role {
    /** 组织部管理员: sets everything up for the city (the member's home is a member's view; the office has its own pages). */
    ADMIN(EnumSet.complementOf(EnumSet.of(MEMBER_HOME))),
    /** 上级党组织: supervises its subtree; the member roll is the branch's, so it sees it masked. */
    SUPERVISOR(EnumSet.of(ORG_READ, ORG_WRITE, ORG_MOVE, MEMBER_READ, IMPORT, CAMPAIGN_READ, SURVEY_WRITE,
            SURVEY_REVIEW, GRADING_WRITE, GRADING_DECIDE, UPGRADE_WRITE, PLEDGE_WRITE)),
    /** 基层党组织 (书记 or 组织委员): keeps its own facts and its member roll. */
    BRANCH(EnumSet.of(ORG_READ, ORG_WRITE, MEMBER_READ, MEMBER_WRITE, MEMBER_PII, IMPORT, CAMPAIGN_READ, SURVEY_WRITE,
            SURVEY_REVIEW, GRADING_WRITE, GRADING_DECIDE, UPGRADE_WRITE, PLEDGE_WRITE)),
    /**
     * 党员: sees their organisation, and on their home their own branch's campaign read-only (phase, grade, approved
     * goal, published pledges and their own, the links shared with members); changes nothing.
     */
    MEMBER(EnumSet.of(ORG_READ, MEMBER_HOME));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean has(Permission p) {
        return permissions.contains(p);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String messageKey() {
        return "role." + name();
    }
}
