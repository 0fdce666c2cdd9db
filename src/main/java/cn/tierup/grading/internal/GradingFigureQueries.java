package cn.tierup.grading.internal;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradeBand;
import cn.tierup.grading.GradingFigures;
import cn.tierup.grading.GradingSetups;
import cn.tierup.grading.Step;
import cn.tierup.campaign.CampaignService;
import cn.tierup.campaign.CampaignView;
import cn.tierup.campaign.Phase;
import cn.tierup.identity.OrganizationDirectory.OrgRef;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.PageResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link GradingFigures} counted over the grading cases and the organisation tree's published view. */
@Service
class GradingFigureQueries implements GradingFigures {

    private final JdbcClient jdbc;
    private final CampaignService campaigns;
    private final ScopeGuard guard;
    private final GradingSetups setups;

    GradingFigureQueries(JdbcClient jdbc, CampaignService campaigns, ScopeGuard guard, GradingSetups setups) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.guard = guard;
        this.setups = setups;
    }

    /** The organisations the campaign's root counts: all under it (whatever grades them is under it too). */
    private static final String ALL_SUBJECTS = " from org_tree_view o"
            + " left join grading_case g on g.organization_id = o.id and g.campaign_id = :campaign"
            + " where o.retired = false and o.path like :rootPath and o.id <> :root";

    /**
     * The organisations any other organisation's figures count: its subtree below it, and those outside it it grades
     * (a law firm graded by 司法局). Two look-ups by index, not an "or" that made the database read the whole tree for a
     * town; for the root itself the look-ups would list the whole tree again, so it has {@link #ALL_SUBJECTS}.
     */
    private static final String SUBJECTS = ALL_SUBJECTS
            + " and o.id in (select s.id from org_tree_view s where s.path like :path and s.id <> :org"
            + " union all select s.id from org_tree_view s where s.grading_authority_id = :org)";


    @Transactional(readOnly = true)
    @Override
    public Overview overview(long campaignId, long organizationId) {
        Params p = params(campaignId, organizationId);
        Map<Step, Long> atStep = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            atStep.put(s, 0L);
        }
        long[] notStarted = {0};
        Map<String, Long> counted = new java.util.HashMap<>();
        Tally classes = new Tally();
        // one pass over the subjects grouped by step and grade gives the steps, the grades by name and the classes
        // (they were four statements, each reading the whole subtree: a province's 100,000 organisations four times)
        jdbc.sql("select g.step, g.decided_level, g.decided_grade, count(*) as n" + p.subjects()
                        + " group by g.step, g.decided_level, g.decided_grade").params(p.map)
                .query(rs -> {
                    String s = rs.getString("step");
                    String grade = rs.getString("decided_grade");
                    long n = rs.getLong("n");
                    if (s == null) {
                        notStarted[0] += n;
                        atStep.merge(Step.PUBLIC_REVIEW, n, Long::sum);
                    } else {
                        atStep.merge(Step.valueOf(s), n, Long::sum);
                    }
                    if (grade != null) {
                        counted.merge(grade, n, Long::sum);
                    }
                    classes.add(rs.getString("decided_level"), grade, n);
                });
        Map<String, Long> byName = new LinkedHashMap<>();
        counted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(cn.tierup.shared.ChineseOrder.NAMES)))
                .forEach(e -> byName.put(e.getKey(), e.getValue()));
        long late = LocalDate.now().isAfter(p.due) ? atStep.values().stream().mapToLong(Long::longValue).sum() - atStep.get(Step.DONE)
                : 0;
        Distribution total = classes.as(null, "合计");
        List<Line> awaiting = lines(p, " and g.step = 'DECISION'", 200);
        List<Line> lateOnes = LocalDate.now().isAfter(p.due) ? lines(p, " and (g.step is null or g.step <> 'DONE')", 50) : List.of();
        return new Overview(p.campaign, organizationId, p.org.name(), p.due, atStep, notStarted[0], late, total, byName,
                awaiting, lateOnes);
    }

    /** The organisations under one, with where each stands; filters by step ("NOT_STARTED" too), field and class. */
    @Transactional(readOnly = true)
    @Override
    public PageResult<Line> list(long campaignId, long organizationId, String step, String field, Grade level, String name,
                                 int page, int size) {
        Params p = params(campaignId, organizationId);
        StringBuilder where = new StringBuilder();
        if (step != null && !step.isBlank()) {
            if ("NOT_STARTED".equals(step)) {
                where.append(" and g.id is null");
            } else if (java.util.Arrays.stream(Step.values()).anyMatch(s -> s.name().equals(step))) {
                where.append(" and g.step = :step");
                p.map.put("step", step);
            }
        }
        if (field != null && !field.isBlank()) {
            where.append(" and o.field = :field");
            p.map.put("field", field);
        }
        if (level != null) {
            where.append(" and g.decided_level = :level");
            p.map.put("level", level.name());
        }
        if (name != null && !name.isBlank()) {
            where.append(" and o.name like :name");
            p.map.put("name", "%" + name.strip() + "%");
        }
        int s = Math.max(1, Math.min(size, 200));
        int pg = Math.max(0, page);
        long total = jdbc.sql("select count(*)" + p.subjects() + where).params(p.map).query(Long.class).single();
        p.map.put("limit", s);
        p.map.put("offset", pg * s);
        List<Line> items = query(p, where + " order by o.sort_key, o.path limit :limit offset :offset");
        return new PageResult<>(items, pg, s, total);
    }

    /**
     * 附件4 by unit: one line per child organisation (its whole subtree); the total is {@link #overview}'s. One grouped
     * statement for all units (each subject's unit is the child whose path begins its own), not two per unit: a town
     * has some seventy children, and each statement is a round trip.
     */
    @Transactional(readOnly = true)
    @Override
    public List<Distribution> byUnit(long campaignId, long organizationId) {
        Params p = params(campaignId, organizationId);
        List<Object[]> units = jdbc.sql("select id, name, path from org_tree_view where parent_id = :org and retired = false order by sort_key, name")
                .param("org", organizationId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        Map<Long, Tally> byUnit = new LinkedHashMap<>();
        Tally outside = new Tally();
        // organisations graded by this one that lie outside its subtree (律师事务所 under 司法局党委) have no unit
        // grouped outside the subject query: PostgreSQL cannot match a bound value in the grouping to the one selected
        jdbc.sql("select unit, outside, decided_level, decided_grade, count(*) as n from (select u.id as unit,"
                        + " case when o.path like :path then 0 else 1 end as outside, g.decided_level, g.decided_grade"
                        + p.subjects().replaceFirst(" where ", " left join org_tree_view u on u.parent_id = :org and u.retired = false"
                        + " and o.path like u.path || '%' where ")
                        + ") t group by unit, outside, decided_level, decided_grade order by decided_level, decided_grade")
                .params(p.map)
                .query(rs -> {
                    long unit = rs.getLong("unit");
                    if (!rs.wasNull()) {
                        byUnit.computeIfAbsent(unit, u -> new Tally()).add(rs.getString(3), rs.getString(4), rs.getLong("n"));
                    } else if (rs.getInt("outside") == 1) {
                        outside.add(rs.getString(3), rs.getString(4), rs.getLong("n"));
                    }
                });
        List<Distribution> out = new ArrayList<>();
        for (Object[] u : units) {
            out.add(byUnit.getOrDefault((Long) u[0], new Tally()).as((Long) u[0], (String) u[1]));
        }
        if (outside.total > 0) {
            out.add(outside.as(null, "外部评定对象"));
        }
        return out;
    }

    @Transactional(readOnly = true)
    @Override
    public Spread spread(long campaignId, long organizationId) {
        Params p = params(campaignId, organizationId);
        String counts = " count(*) as total, count(g.decided_grade) as decided,"
                + " sum(case when g.decided_level = 'ADVANCED' then 1 else 0 end) as a,"
                + " sum(case when g.decided_level = 'AVERAGE' then 1 else 0 end) as b,"
                + " sum(case when g.decided_level = 'LAGGING' then 1 else 0 end) as c";
        Map<Long, Distribution> byUnit = new LinkedHashMap<>();
        List<Object[]> units = jdbc.sql("select id, name from org_tree_view where parent_id = :org and retired = false order by sort_key, name")
                .param("org", organizationId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] u : units) {
            byUnit.put((Long) u[0], new Distribution((Long) u[0], (String) u[1], 0, 0, 0, 0, 0, Map.of()));
        }
        // the unit of each organisation is the child whose path begins its own; those outside the subtree have none
        List<Distribution> outside = new ArrayList<>();
        jdbc.sql("select u.id as unit," + counts
                        + p.subjects().replaceFirst(" where ", " left join org_tree_view u on u.parent_id = :org and u.retired = false and o.path like u.path || '%' where ")
                        + " group by u.id").params(p.map)
                .query(rs -> {
                    long unit = rs.getLong("unit");
                    boolean none = rs.wasNull();
                    Distribution d = new Distribution(none ? null : unit, none ? "外部评定对象" : byUnit.get(unit).label(),
                            rs.getLong("total"), rs.getLong("decided"), rs.getLong("a"), rs.getLong("b"), rs.getLong("c"), Map.of());
                    if (none) {
                        outside.add(d);
                    } else {
                        byUnit.put(unit, d);
                    }
                });
        List<Distribution> unitLines = new ArrayList<>(byUnit.values());
        unitLines.addAll(outside);
        List<Distribution> fields = jdbc.sql("select o.field," + counts + p.subjects() + " group by o.field order by o.field")
                .params(p.map)
                .query((rs, n) -> new Distribution(null, rs.getString("field"), rs.getLong("total"), rs.getLong("decided"),
                        rs.getLong("a"), rs.getLong("b"), rs.getLong("c"), Map.of()))
                .list();
        return new Spread(unitLines, fields);
    }

    /** 附件4 by field: one grouped statement for all fields. */
    @Transactional(readOnly = true)
    @Override
    public List<Distribution> byField(long campaignId, long organizationId) {
        Params p = params(campaignId, organizationId);
        Map<String, Tally> byField = new java.util.TreeMap<>();
        jdbc.sql("select o.field, g.decided_level, g.decided_grade, count(*) as n" + p.subjects()
                        + " group by o.field, g.decided_level, g.decided_grade order by g.decided_level, g.decided_grade")
                .params(p.map)
                .query(rs -> {
                    byField.computeIfAbsent(rs.getString(1), f -> new Tally()).add(rs.getString(2), rs.getString(3), rs.getLong(4));
                });
        List<Distribution> out = new ArrayList<>();
        byField.forEach((f, t) -> out.add(t.as(null, f)));
        return out;
    }

    /** The counts of one line of 附件4 as rows grouped by class and grade come in. */
    private static final class Tally {
        private long total;
        private long decided;
        private long advanced;
        private long average;
        private long lagging;
        private final Map<GradeColumn, Long> grades = new LinkedHashMap<>();

        void add(String level, String grade, long n) {
            total += n;
            if (grade != null) {
                decided += n;
                grades.merge(new GradeColumn(Grade.valueOf(level), grade), n, Long::sum);
            }
            if (level != null) {
                switch (Grade.valueOf(level)) {
                    case ADVANCED -> advanced += n;
                    case AVERAGE -> average += n;
                    case LAGGING -> lagging += n;
                }
            }
        }

        Distribution as(Long unitId, String label) {
            return new Distribution(unitId, label, total, decided, advanced, average, lagging, grades);
        }
    }


    @Transactional(readOnly = true)
    @Override
    public List<Named> names(long campaignId, long organizationId) {
        Params p = params(campaignId, organizationId);
        return jdbc.sql("select coalesce(u.name, '外部评定对象') as unit, o.name, o.field, g.decided_grade, g.decided_level"
                        + p.subjects().replaceFirst(" where ", " left join org_tree_view u on u.parent_id = :org and o.path like u.path || '%' where ")
                        + " and g.decided_grade is not null order by u.sort_key, u.name, g.decided_level, o.sort_key, o.name")
                .params(p.map)
                .query((rs, n) -> new Named(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Grade.valueOf(rs.getString(5))))
                .list();
    }

    @Override
    public String organizationName(long organizationId) {
        return guard.require(Permission.CAMPAIGN_READ, organizationId).name();
    }

    @Transactional(readOnly = true)
    @Override
    public List<GradeColumn> gradeColumns(long campaignId, long organizationId) {
        Params p = params(campaignId, organizationId);
        List<String> fields = jdbc.sql("select distinct o.field" + p.subjects() + " order by o.field").params(p.map)
                .query(String.class).list();
        List<GradeColumn> found = new ArrayList<>();
        for (GradeBand b : setups.gradesInForce(campaignId, fields)) {
            found.add(new GradeColumn(b.level(), b.name()));
        }
        jdbc.sql("select distinct g.decided_level, g.decided_grade" + p.subjects() + " and g.decided_grade is not null")
                .params(p.map)
                .query(rs -> {
                    GradeColumn c = new GradeColumn(Grade.valueOf(rs.getString(1)), rs.getString(2));
                    if (!found.contains(c)) {
                        found.add(c);
                    }
                });
        List<GradeColumn> ordered = new ArrayList<>();
        for (Grade level : Grade.values()) {
            found.stream().filter(c -> c.level() == level).forEach(ordered::add);
        }
        return List.copyOf(ordered);
    }

    private List<Line> lines(Params p, String extra, int limit) {
        p.map.put("limit", limit);
        p.map.put("offset", 0);
        return query(p, extra + " order by o.sort_key, o.path limit :limit offset :offset");
    }

    private List<Line> query(Params p, String tail) {
        boolean pastDue = LocalDate.now().isAfter(p.due);
        return jdbc.sql("select o.id, o.name, o.field, par.name as parent_name, g.step, g.self_grade, g.decided_grade,"
                        + " g.decided_level, g.decided_at, coalesce(o.grading_authority_id, o.parent_id) as authority"
                        + p.subjects().replaceFirst(" where ", " left join org_tree_view par on par.id = o.parent_id where ") + tail)
                .params(p.map)
                .query((rs, n) -> {
                    Step step = rs.getString("step") == null ? Step.PUBLIC_REVIEW : Step.valueOf(rs.getString("step"));
                    var decidedAt = rs.getTimestamp("decided_at");
                    boolean late = decidedAt == null ? pastDue : decidedAt.toLocalDateTime().toLocalDate().isAfter(p.due);
                    return new Line(rs.getLong("id"), rs.getString("name"), rs.getString("field"), rs.getString("parent_name"),
                            step, rs.getString("self_grade"), rs.getString("decided_grade"),
                            rs.getString("decided_level") == null ? null : Grade.valueOf(rs.getString("decided_level")), late,
                            rs.getLong("authority") == p.org.id());
                })
                .list();
    }

    private record Params(CampaignView campaign, OrgRef org, LocalDate due, Map<String, Object> map) {

        String subjects() {
            return org.id() == campaign.rootOrganizationId() ? ALL_SUBJECTS : SUBJECTS;
        }
    }


    @Transactional(readOnly = true)
    @Override
    public Subjects subjects(long campaignId, long organizationId) {
        Params p = params(campaignId, organizationId);
        return new Subjects(p.subjects(), p.map, p.campaign, p.due);
    }

    private Params params(long campaignId, long organizationId) {
        OrgRef org = guard.require(Permission.CAMPAIGN_READ, organizationId);
        CampaignView c = campaigns.get(campaignId);
        String rootPath = jdbc.sql("select path from org_tree_view where id = :id").param("id", c.rootOrganizationId())
                .query(String.class).single();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign", campaignId);
        m.put("rootPath", rootPath + "%");
        m.put("root", c.rootOrganizationId());
        m.put("path", org.path() + "%");
        m.put("org", organizationId);
        return new Params(c, org, c.phases().get(Phase.GRADING).dueOn(), m);
    }

}
