package cn.tierup.organization;

/**
 * Where a person stands in the development pipeline: 入党积极分子 → 发展对象 → 预备党员 → 正式党员.
 * Only the last two are party members and count in an organisation's number of members.
 */
public enum MemberCategory {
    ACTIVIST, DEVELOPMENT_TARGET, PROBATIONARY, FULL;

    public boolean isPartyMember() {
        return this == PROBATIONARY || this == FULL;
    }
}
