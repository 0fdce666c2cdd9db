package cn.tierup.station;

/** The state of a station's equipment: 良好, 一般, 较差（需维修）. */
public enum EquipmentCondition {
    GOOD, FAIR, POOR
}
