package cn.tierup.campaign;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * One year's 三分类三升级 campaign of a root organisation. Its schedule and targets can be changed only
 * until the phase concerned starts (the targets until 晋位升级 starts): after that people have worked
 * against them.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long rootOrganizationId;
    @Column(name = "campaign_year")
    private int year;
    private String name;
    private Long copiedFromId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_phase", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "phase")
    @MapKeyEnumerated(EnumType.STRING)
    private Map<Phase, PhaseDates> phases = new EnumMap<>(Phase.class);
    @Embedded
    private Targets targets;
    /** The 示范 levels that count towards the 先进 → 示范 rate, comma-separated names of {@link RecognitionLevel}. */
    private String modelLevels = join(RecognitionLevel.counted());
    @Version
    private long version;
    private LocalDateTime createdAt = LocalDateTime.now();

    protected Campaign() {
    }

    public Campaign(long rootOrganizationId, int year, String name, Map<Phase, PhaseDates> schedule, Targets targets) {
        if (year < 2000 || year > 2100) {
            throw new DomainException("campaign.year.invalid");
        }
        this.rootOrganizationId = rootOrganizationId;
        this.year = year;
        rename(name);
        SchedulePolicy.check(year, schedule);
        this.phases.putAll(schedule);
        this.targets = targets == null ? Targets.notice() : targets;
    }

    /** The notice's calendar: survey in March (reports by 3月31日), grading in April (register by 4月10日), moving up to October, review from November (summary by 11月20日). */
    public static Map<Phase, PhaseDates> noticeSchedule(int year) {
        Map<Phase, PhaseDates> m = new EnumMap<>(Phase.class);
        m.put(Phase.SURVEY, new PhaseDates(LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 31), LocalDate.of(year, 3, 31)));
        m.put(Phase.GRADING, new PhaseDates(LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 30), LocalDate.of(year, 4, 10)));
        m.put(Phase.UPGRADE, new PhaseDates(LocalDate.of(year, 4, 11), LocalDate.of(year, 10, 31), LocalDate.of(year, 10, 31)));
        m.put(Phase.ACCEPTANCE, new PhaseDates(LocalDate.of(year, 11, 1), LocalDate.of(year, 12, 31), LocalDate.of(year, 11, 20)));
        return m;
    }

    /** Next year's campaign from this one: the same schedule a year (or years) on, the same targets. */
    public Campaign copyFor(int newYear, String newName) {
        if (newYear == year) {
            throw new DomainException("campaign.copy.sameYear");
        }
        Map<Phase, PhaseDates> shifted = new EnumMap<>(Phase.class);
        int delta = newYear - year;
        phases.forEach((p, d) -> shifted.put(p, new PhaseDates(d.startsOn().plusYears(delta), d.endsOn().plusYears(delta),
                d.dueOn().plusYears(delta))));
        Campaign c = new Campaign(rootOrganizationId, newYear, newName, shifted, targets);
        c.copiedFromId = id;
        c.modelLevels = modelLevels;
        return c;
    }

    public void rename(String newName) {
        this.name = BoundedText.NAME.required(newName, "campaign.name.required", "field.tooLong");
    }

    /** Takes a new schedule; only phases that have not started may change. */
    public void reschedule(Map<Phase, PhaseDates> wanted, LocalDate today) {
        for (Phase p : Phase.values()) {
            if (!wanted.get(p).equals(phases.get(p)) && hasStarted(p, today)) {
                throw new DomainException("campaign.phase.started");
            }
        }
        SchedulePolicy.check(year, wanted);
        phases.putAll(wanted);
    }

    public void changeTargets(Targets newTargets, LocalDate today) {
        if (hasStarted(Phase.UPGRADE, today)) {
            throw new DomainException("campaign.targets.frozen");
        }
        this.targets = newTargets;
    }

    /**
     * Sets which 示范 levels count towards the 先进 → 示范 rate: at least one; like the targets, only until 晋位升级
     * starts.
     */
    public void changeModelLevels(java.util.Set<RecognitionLevel> levels, LocalDate today) {
        if (levels == null || levels.isEmpty()) {
            throw new DomainException("campaign.modelLevels.required");
        }
        String wanted = join(levels);
        if (wanted.equals(modelLevels)) {
            return;
        }
        if (id != null && hasStarted(Phase.UPGRADE, today)) {
            throw new DomainException("campaign.targets.frozen");
        }
        this.modelLevels = wanted;
    }

    private static String join(java.util.Set<RecognitionLevel> levels) {
        return java.util.EnumSet.copyOf(levels).stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    }

    public boolean hasStarted(Phase phase, LocalDate today) {
        return !today.isBefore(phases.get(phase).startsOn());
    }

    /** Whether the phase has not started, runs or has ended on {@code today}, by its dates. */
    public PhaseStatus status(Phase phase, LocalDate today) {
        PhaseDates d = phases.get(phase);
        if (today.isBefore(d.startsOn())) {
            return PhaseStatus.NOT_STARTED;
        }
        return today.isAfter(d.endsOn()) ? PhaseStatus.ENDED : PhaseStatus.RUNNING;
    }

    /** A campaign is over once its last phase, 总结验收, has ended. */
    public boolean finished(LocalDate today) {
        return status(Phase.ACCEPTANCE, today) == PhaseStatus.ENDED;
    }

    /**
     * The phase whose work is owed now: the last one that has started (its work is still accepted, late, after
     * it ends); null before the campaign begins.
     */
    public Phase currentPhase(LocalDate today) {
        Phase current = null;
        for (Phase p : Phase.values()) {
            if (hasStarted(p, today)) {
                current = p;
            }
        }
        return current;
    }

    public PhaseDates dates(Phase phase) {
        return phases.get(phase);
    }

    public Long getId() { return id; }
    public Long getRootOrganizationId() { return rootOrganizationId; }
    public int getYear() { return year; }
    public String getName() { return name; }
    public Long getCopiedFromId() { return copiedFromId; }
    public Map<Phase, PhaseDates> getPhases() { return new EnumMap<>(phases); }
    public Targets getTargets() { return targets; }
    public java.util.Set<RecognitionLevel> getModelLevels() {
        java.util.Set<RecognitionLevel> out = java.util.EnumSet.noneOf(RecognitionLevel.class);
        for (String s : modelLevels.split(",")) {
            out.add(RecognitionLevel.valueOf(s.strip()));
        }
        return out;
    }
    public long getVersion() { return version; }
}
