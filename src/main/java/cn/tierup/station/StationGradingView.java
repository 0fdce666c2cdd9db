package cn.tierup.station;

import cn.tierup.grading.Grade;
import cn.tierup.grading.Standard;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/**
 * A station's classification in one round of a campaign (年初定级 or 年末审定, with the 年初 grade beside a year-end
 * one and whether the round's phase is open) as its pages and the API show it: the station and its host, the
 * authority that decides, the standard with the host's score sheet, the proposed and the decided grade with who, when
 * and why, and what the current user may do with it. People are named, never by their login.
 */
public record StationGradingView(long campaignId, int campaignYear, String campaignName, long stationId, String stationName,
                                 long hostOrganizationId, String hostName, Long authorityId, String authorityName,
                                 long schemeId, String schemeName, Standard standard, StationGradingStatus status,
                                 Map<String, Integer> scores, Set<Integer> vetoes, Integer scoreTotal, Integer scoreMaximum,
                                 String vetoesHit, String proposedGrade, Grade proposedLevel, String statement,
                                 String assessedByName, LocalDateTime assessedAt, LocalDateTime submittedAt,
                                 String decidedGrade, Grade decidedLevel, String decisionReason, String decidedByName,
                                 LocalDateTime decidedAt, String reopenReason, String reopenedByName,
                                 LocalDateTime reopenedAt, long version, boolean mayAssess, boolean mayDecide,
                                 StationGradingRound round, boolean phaseOpen, String startGrade, Grade startLevel) {

    /** A 年末审定 that cannot begin: the station has no decided 年初定级 in the campaign. */
    public boolean lacksStart() {
        return round == StationGradingRound.YEAR_END && startGrade == null;
    }

    /** The score given for a criterion ("维度.细则", from 1), or null where none was given. */
    public Integer score(int dimension, int criterion) {
        return scores.get(dimension + "." + criterion);
    }

    public boolean vetoed(int veto) {
        return vetoes.contains(veto);
    }
}
