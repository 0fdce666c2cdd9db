package cn.tierup.upgrade;

/**
 * Whose 争创目标 and 整改台账: an organisation's own, or those of a 远程教育站点 it hosts. A station's belong to its host:
 * the host writes them and the host's grading authority approves and closes them, by the organisation's rules.
 * Exactly one of the two ids is given; the station's host is looked up by the service that acts.
 */
public record Subject(Long organizationId, Long stationId) {

    public Subject {
        if ((organizationId == null) == (stationId == null)) {
            throw new IllegalArgumentException("an organisation or a station");
        }
    }

    public static Subject organization(long id) {
        return new Subject(id, null);
    }

    public static Subject station(long id) {
        return new Subject(null, id);
    }
}
