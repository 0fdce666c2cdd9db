package cn.tierup.acceptance;

/**
 * What a superior honours: an organisation (先进基层党组织, 优秀党支部 — the latter only a 党支部) or a person on a roll
 * (优秀共产党员 — a full or probationary member — and 优秀党务工作者).
 */
public enum CommendationKind {
    ADVANCED_ORGANIZATION, EXCELLENT_BRANCH, EXCELLENT_MEMBER, EXCELLENT_PARTY_WORKER;

    public boolean honoursPerson() {
        return this == EXCELLENT_MEMBER || this == EXCELLENT_PARTY_WORKER;
    }
}
