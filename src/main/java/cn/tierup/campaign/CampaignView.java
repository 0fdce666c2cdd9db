package cn.tierup.campaign;

import java.util.Map;

/** A campaign as pages and the API show it; {@code current} is the phase under way today (or null). */
public record CampaignView(long id, long rootOrganizationId, String rootName, int year, String name, Long copiedFromId,
                           Map<Phase, PhaseDates> phases, Map<Phase, Boolean> started, Targets targets, Phase current,
                           long version) {
}
