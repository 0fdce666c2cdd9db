package cn.tierup.upgrade;

/** 城乡结对帮扶 (a helping organisation), 领导定点联系 (a leader), 干部驻点帮扶 (a stationed cadre). */
public enum AssistanceKind {
    PAIRING, LEADER_CONTACT, STATIONED_CADRE;

    public boolean byOrganisation() {
        return this == PAIRING;
    }
}
