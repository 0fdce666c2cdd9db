package cn.tierup.acceptance;

import cn.tierup.acceptance.RateCounts.Covered;
import cn.tierup.acceptance.RatePolicy.Judged;
import cn.tierup.acceptance.RatePolicy.Kind;
import cn.tierup.acceptance.internal.SummaryQueries;
import cn.tierup.acceptance.internal.SummaryQueries.CoveredRow;
import cn.tierup.acceptance.internal.SummaryQueries.Unit;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.RecognitionLevel;
import cn.tierup.campaign.Targets;
import cn.tierup.organization.Field;
import cn.tierup.shared.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The year's figures of one grading authority in one campaign, computed from the register every time: the
 * organisations whose 年初定级 it decided (for the campaign's root, every organisation graded in the campaign), per
 * field and per unit — each child of the authority, each organisation it grades from outside its subtree, and 合计 —
 * with the 先进 share,
 * 提升率, 升级率 and 转化率 judged against the campaign's targets by {@link RatePolicy}; and beside them the same for
 * the 远程教育站点 whose 年初定级 it decided, against the station targets. Nobody types a figure.
 * The caller has checked who may read them.
 */
@Component
public class YearEndFigures {

    /** The unit line of organisations under the authority but under none of its children (none, as the tree is built). */
    public static final String OWN_LEVEL = "本级";
    public static final String TOTAL = "合计";

    private final SummaryQueries queries;
    private final Messages messages;

    YearEndFigures(SummaryQueries queries, Messages messages) {
        this.queries = queries;
        this.messages = messages;
    }

    /** One line: a unit (or 合计) of one field, its counts and the four judged figures. */
    public record Line(String unit, RateCounts counts, Judged advancedShare, Judged modelRate, Judged upgradeRate,
                       Judged conversionRate) {

        public List<Judged> judged() {
            return List.of(advancedShare, modelRate, upgradeRate, conversionRate);
        }
    }

    /** The lines of one field; {@code mustExceed} for fields other than villages and communities. */
    public record FieldFigures(String field, String fieldName, boolean mustExceed, List<Line> units, Line total) {
    }

    /** A covered organisation still without its 年末审定 grade. */
    public record Lacking(long organizationId, String name, String unit, String fieldName, String startGrade) {
    }

    /** A covered organisation's line of the 分类管理台账 the summary hands in: both grades of the year (年末审定 null while lacking). */
    public record RegisterLine(long organizationId, String name, String unit, String fieldName, String startGrade,
                               String endGrade) {
    }

    /** One line of the stations' figures: a unit (or 合计), its counts and the three judged station rates. */
    public record StationLine(String unit, RateCounts counts, Judged modelRate, Judged upgradeRate, Judged conversionRate) {

        public List<Judged> judged() {
            return List.of(modelRate, upgradeRate, conversionRate);
        }
    }

    /** A covered station's two grades of the year (年末审定 null while lacking), for the lists under the figures. */
    public record StationGrades(long stationId, String name, String hostName, String unit, String startGrade, String endGrade) {
    }

    /**
     * The 远程教育站点 section: the stations whose 年初定级 the authority decided (every graded one for the root), per
     * unit of their host and 合计, and each covered station with both grades.
     */
    public record StationFigures(List<StationLine> units, StationLine total, List<StationGrades> stations) {

        public boolean empty() {
            return stations.isEmpty();
        }

        public List<StationGrades> lacking() {
            return stations.stream().filter(s -> s.endGrade() == null).toList();
        }
    }

    public record Figures(long campaignId, int year, long authorityId, String authorityName, boolean wholeCampaign,
                          Targets targets, Set<RecognitionLevel> modelLevels, String modelLevelNames,
                          List<FieldFigures> fields, RateCounts overall, List<Lacking> lacking, List<RegisterLine> register,
                          StationFigures stations) {

        public boolean empty() {
            return fields.isEmpty();
        }
    }

    public Figures of(CampaignView campaign, long authorityId, String authorityName) {
        boolean whole = authorityId == campaign.rootOrganizationId();
        List<CoveredRow> rows = queries.covered(campaign.id(), whole ? null : authorityId);
        List<Unit> units = queries.children(authorityId);
        String authorityPath = queries.path(authorityId);
        Set<Long> named = queries.namedModels(LocalDate.of(campaign.year(), 1, 1), LocalDate.of(campaign.year(), 12, 31),
                campaign.modelLevels());
        Map<String, Map<String, List<Covered>>> byField = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            byField.put(f.name(), new LinkedHashMap<>());
        }
        List<Covered> all = new ArrayList<>();
        List<Lacking> lacking = new ArrayList<>();
        List<RegisterLine> register = new ArrayList<>();
        for (CoveredRow r : rows) {
            String unit = unitOf(r, units, authorityPath);
            Covered c = new Covered(r.startLevel(), r.endLevel(), named.contains(r.organizationId()));
            byField.computeIfAbsent(r.field(), f -> new LinkedHashMap<>()).computeIfAbsent(unit, u -> new ArrayList<>()).add(c);
            all.add(c);
            register.add(new RegisterLine(r.organizationId(), r.name(), unit, fieldName(r.field()), r.startGrade(), r.endGrade()));
            if (r.endLevel() == null) {
                lacking.add(new Lacking(r.organizationId(), r.name(), unit, fieldName(r.field()), r.startGrade()));
            }
        }
        // the children in the tree's order, then 本级, then organisations graded across the tree in theirs
        List<String> unitOrder = new ArrayList<>(units.stream().map(Unit::name).toList());
        unitOrder.add(OWN_LEVEL);
        rows.stream().filter(r -> !r.path().startsWith(authorityPath)).map(CoveredRow::name).forEach(unitOrder::add);
        StationFigures stations = stations(campaign, whole ? null : authorityId, units, authorityPath);
        List<FieldFigures> fields = new ArrayList<>();
        for (var e : byField.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            String field = e.getKey();
            List<Line> lines = new ArrayList<>();
            for (String u : unitOrder) {
                List<Covered> cs = e.getValue().get(u);
                if (cs != null) {
                    lines.add(line(u, cs, campaign.targets(), field));
                }
            }
            List<Covered> fieldAll = e.getValue().values().stream().flatMap(List::stream).toList();
            fields.add(new FieldFigures(field, fieldName(field), !RatePolicy.villageLike(field), lines,
                    line(TOTAL, fieldAll, campaign.targets(), field)));
        }
        String levelNames = campaign.modelLevels().stream().map(messages::label).collect(Collectors.joining("、"));
        return new Figures(campaign.id(), campaign.year(), authorityId, authorityName, whole, campaign.targets(),
                campaign.modelLevels(), levelNames, fields, RateCounts.of(all), lacking, register, stations);
    }

    /**
     * The stations' figures by the organisations' rules ({@link RateCounts}, {@link RatePolicy}): a station counts in
     * the unit its host lies under (a host graded from outside the subtree stands for itself), and its 提升率 counts
     * the 示范站点 named in the campaign's year at the campaign's counted levels.
     */
    private StationFigures stations(CampaignView campaign, Long authorityId, List<Unit> units, String authorityPath) {
        List<SummaryQueries.StationRow> rows = queries.stations(campaign.id(), authorityId);
        Set<Long> named = queries.namedStations(LocalDate.of(campaign.year(), 1, 1), LocalDate.of(campaign.year(), 12, 31),
                campaign.modelLevels());
        Map<String, List<Covered>> byUnit = new LinkedHashMap<>();
        for (Unit u : units) {
            byUnit.put(u.name(), new ArrayList<>());
        }
        byUnit.put(OWN_LEVEL, new ArrayList<>());
        List<Covered> all = new ArrayList<>();
        List<StationGrades> grades = new ArrayList<>();
        for (SummaryQueries.StationRow r : rows) {
            String unit = unitOf(r.hostPath(), r.hostName(), units, authorityPath);
            Covered c = new Covered(r.startLevel(), r.endLevel(), named.contains(r.stationId()));
            byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(c);
            all.add(c);
            grades.add(new StationGrades(r.stationId(), r.name(), r.hostName(), unit, r.startGrade(), r.endGrade()));
        }
        List<StationLine> lines = byUnit.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> stationLine(e.getKey(), e.getValue(), campaign.targets())).toList();
        return new StationFigures(lines, stationLine(TOTAL, all, campaign.targets()), grades);
    }

    static StationLine stationLine(String unit, List<Covered> covered, Targets targets) {
        RateCounts c = RateCounts.of(covered);
        return new StationLine(unit, c, RatePolicy.judgeStation(Kind.STATION_MODEL_RATE, c.modelRate(), targets),
                RatePolicy.judgeStation(Kind.STATION_UPGRADE_RATE, c.upgradeRate(), targets),
                RatePolicy.judgeStation(Kind.STATION_CONVERSION_RATE, c.conversionRate(), targets));
    }

    static Line line(String unit, List<Covered> covered, Targets targets, String field) {
        RateCounts c = RateCounts.of(covered);
        return new Line(unit, c, RatePolicy.judge(Kind.ADVANCED_SHARE, c.advancedShare(), targets, field),
                RatePolicy.judge(Kind.MODEL_RATE, c.modelRate(), targets, field),
                RatePolicy.judge(Kind.UPGRADE_RATE, c.upgradeRate(), targets, field),
                RatePolicy.judge(Kind.CONVERSION_RATE, c.conversionRate(), targets, field));
    }

    /**
     * The unit a covered organisation is counted in: the authority's child it lies under; an organisation it grades
     * from outside its subtree (a school in a town graded by 教育局, a law firm graded by 司法局) stands for itself.
     */
    private static String unitOf(CoveredRow r, List<Unit> units, String authorityPath) {
        return unitOf(r.path(), r.name(), units, authorityPath);
    }

    private static String unitOf(String path, String name, List<Unit> units, String authorityPath) {
        if (!path.startsWith(authorityPath)) {
            return name;
        }
        for (Unit u : units) {
            if (path.startsWith(u.path())) {
                return u.name();
            }
        }
        return OWN_LEVEL;
    }

    private String fieldName(String field) {
        return messages.get("Field." + field);
    }
}
