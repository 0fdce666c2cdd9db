package cn.tierup.organization;

/** What a spreadsheet holds: organisations (党组织和所在单位基本信息) or people (党员基本信息). */
public enum ImportKind {
    ORGANIZATIONS, MEMBERS
}
