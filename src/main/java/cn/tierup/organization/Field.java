package cn.tierup.organization;

/** 领域: selects survey contents, standards and targets. */
public enum Field {
    TOWN, VILLAGE, COMMUNITY, AGENCY, INSTITUTION, STATE_ENTERPRISE, SCHOOL, HEALTH,
    PRIVATE_ENTERPRISE, SOCIAL_ORGANIZATION, CULTURE
}
