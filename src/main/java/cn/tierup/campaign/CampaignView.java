package cn.tierup.campaign;

import java.util.Map;

/**
 * A campaign as pages and the API show it: {@code current} is the phase whose work is owed now (the last
 * that has started, or null); {@code status} says of each phase whether it has not started, runs or has
 * ended today; {@code finished} once 总结验收 has ended; {@code modelLevels} the 示范 levels that count towards the
 * 先进 → 示范 rate.
 */
public record CampaignView(long id, long rootOrganizationId, String rootName, int year, String name, Long copiedFromId,
                           Map<Phase, PhaseDates> phases, Map<Phase, Boolean> started, Targets targets, Phase current,
                           long version, Map<Phase, PhaseStatus> status, boolean finished,
                           java.util.Set<RecognitionLevel> modelLevels) {

    /** Without the 示范 levels: the notice's (全国、省、市) count. */
    public CampaignView(long id, long rootOrganizationId, String rootName, int year, String name, Long copiedFromId,
                        Map<Phase, PhaseDates> phases, Map<Phase, Boolean> started, Targets targets, Phase current,
                        long version, Map<Phase, PhaseStatus> status, boolean finished) {
        this(id, rootOrganizationId, rootName, year, name, copiedFromId, phases, started, targets, current, version, status,
                finished, RecognitionLevel.counted());
    }
}
