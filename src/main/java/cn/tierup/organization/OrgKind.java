package cn.tierup.organization;

/** 党委, 党总支, 党支部, 党组. A 党支部 is the grassroots level: it has no organisations under it. */
public enum OrgKind {
    COMMITTEE, GENERAL_BRANCH, BRANCH, LEADING_GROUP;

    public boolean mayHaveChildren() {
        return this != BRANCH;
    }
}
