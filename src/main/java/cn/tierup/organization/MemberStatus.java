package cn.tierup.organization;

public enum MemberStatus {
    ACTIVE, LEFT
}
