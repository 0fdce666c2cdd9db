package cn.tierup.survey;

/** The notice's 民主测评 groups: 基层干部, 派驻机构负责人, 企事业单位党组织负责人, "两代表一委员", 普通党员群众代表. */
public enum EvaluatorGroup {
    GRASSROOTS_CADRE, STATIONED_AGENCY_HEAD, ENTERPRISE_PARTY_HEAD, DEPUTIES, MEMBER_PUBLIC_REP
}
