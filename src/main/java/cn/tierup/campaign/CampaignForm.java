package cn.tierup.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Opening or editing a campaign. Dates left empty take the notice's calendar for that year; targets
 * left empty take the notice's numbers, and the 示范 levels left empty the notice's 全国、省、市.
 */
public record CampaignForm(
        @NotNull(message = "{campaign.root.required}") Long rootOrganizationId,
        @NotNull(message = "{campaign.year.invalid}") Integer year,
        @Size(max = 100, message = "{field.tooLong}") String name,
        LocalDate surveyStartsOn, LocalDate surveyEndsOn, LocalDate surveyDueOn,
        LocalDate gradingStartsOn, LocalDate gradingEndsOn, LocalDate gradingDueOn,
        LocalDate upgradeStartsOn, LocalDate upgradeEndsOn, LocalDate upgradeDueOn,
        LocalDate acceptanceStartsOn, LocalDate acceptanceEndsOn, LocalDate acceptanceDueOn,
        Integer villageAdvancedShare, Integer modelRate, Integer averageUpgradeRate, Integer laggingConversionRate,
        Integer stationModelRate, Integer stationUpgradeRate, Integer stationConversionRate,
        Long version,
        java.util.List<RecognitionLevel> modelLevels) {

    /** Without the 示范 levels: the notice's (全国、省、市) count. */
    public CampaignForm(Long rootOrganizationId, Integer year, String name,
                        LocalDate surveyStartsOn, LocalDate surveyEndsOn, LocalDate surveyDueOn,
                        LocalDate gradingStartsOn, LocalDate gradingEndsOn, LocalDate gradingDueOn,
                        LocalDate upgradeStartsOn, LocalDate upgradeEndsOn, LocalDate upgradeDueOn,
                        LocalDate acceptanceStartsOn, LocalDate acceptanceEndsOn, LocalDate acceptanceDueOn,
                        Integer villageAdvancedShare, Integer modelRate, Integer averageUpgradeRate,
                        Integer laggingConversionRate, Integer stationModelRate, Integer stationUpgradeRate,
                        Integer stationConversionRate, Long version) {
        this(rootOrganizationId, year, name, surveyStartsOn, surveyEndsOn, surveyDueOn, gradingStartsOn, gradingEndsOn,
                gradingDueOn, upgradeStartsOn, upgradeEndsOn, upgradeDueOn, acceptanceStartsOn, acceptanceEndsOn,
                acceptanceDueOn, villageAdvancedShare, modelRate, averageUpgradeRate, laggingConversionRate,
                stationModelRate, stationUpgradeRate, stationConversionRate, version, null);
    }

    /** The 示范 levels that count towards the 先进 → 示范 rate; none chosen takes the notice's (全国、省、市). */
    public java.util.Set<RecognitionLevel> countedModelLevels() {
        return modelLevels == null || modelLevels.isEmpty() ? RecognitionLevel.counted()
                : java.util.EnumSet.copyOf(modelLevels);
    }

    /** The schedule this form describes, with the notice's dates where a date is left empty. */
    public java.util.Map<Phase, PhaseDates> schedule() {
        var defaults = Campaign.noticeSchedule(year);
        var m = new java.util.EnumMap<Phase, PhaseDates>(Phase.class);
        m.put(Phase.SURVEY, merge(defaults.get(Phase.SURVEY), surveyStartsOn, surveyEndsOn, surveyDueOn));
        m.put(Phase.GRADING, merge(defaults.get(Phase.GRADING), gradingStartsOn, gradingEndsOn, gradingDueOn));
        m.put(Phase.UPGRADE, merge(defaults.get(Phase.UPGRADE), upgradeStartsOn, upgradeEndsOn, upgradeDueOn));
        m.put(Phase.ACCEPTANCE, merge(defaults.get(Phase.ACCEPTANCE), acceptanceStartsOn, acceptanceEndsOn, acceptanceDueOn));
        return m;
    }

    public Targets targets() {
        Targets d = Targets.notice();
        return new Targets(or(villageAdvancedShare, d.villageAdvancedShare()), or(modelRate, d.modelRate()),
                or(averageUpgradeRate, d.averageUpgradeRate()), or(laggingConversionRate, d.laggingConversionRate()),
                or(stationModelRate, d.stationModelRate()), or(stationUpgradeRate, d.stationUpgradeRate()),
                or(stationConversionRate, d.stationConversionRate()));
    }

    public static CampaignForm of(CampaignView c) {
        var p = c.phases();
        Targets t = c.targets();
        return new CampaignForm(c.rootOrganizationId(), c.year(), c.name(),
                p.get(Phase.SURVEY).startsOn(), p.get(Phase.SURVEY).endsOn(), p.get(Phase.SURVEY).dueOn(),
                p.get(Phase.GRADING).startsOn(), p.get(Phase.GRADING).endsOn(), p.get(Phase.GRADING).dueOn(),
                p.get(Phase.UPGRADE).startsOn(), p.get(Phase.UPGRADE).endsOn(), p.get(Phase.UPGRADE).dueOn(),
                p.get(Phase.ACCEPTANCE).startsOn(), p.get(Phase.ACCEPTANCE).endsOn(), p.get(Phase.ACCEPTANCE).dueOn(),
                t.villageAdvancedShare(), t.modelRate(), t.averageUpgradeRate(), t.laggingConversionRate(),
                t.stationModelRate(), t.stationUpgradeRate(), t.stationConversionRate(), c.version(),
                java.util.List.copyOf(c.modelLevels()));
    }

    private static PhaseDates merge(PhaseDates d, LocalDate s, LocalDate e, LocalDate due) {
        return new PhaseDates(s == null ? d.startsOn() : s, e == null ? d.endsOn() : e, due == null ? d.dueOn() : due);
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }
}
