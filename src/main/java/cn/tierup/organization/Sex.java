package cn.tierup.organization;

public enum Sex {
    MALE, FEMALE
}
