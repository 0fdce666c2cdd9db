package cn.tierup.upgrade.internal;

import cn.tierup.grading.Grade;
import cn.tierup.grading.GradingFigures;
import cn.tierup.shared.FirstInOrder;
import cn.tierup.shared.PageResult;
import cn.tierup.shared.internal.StreamingJdbc;
import cn.tierup.upgrade.GoalStatus;
import cn.tierup.upgrade.UpgradeFigures;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link UpgradeFigures} counted over the upgrade tables for the organisations grading says are overseen. */
@Service
class UpgradeFigureQueries implements UpgradeFigures {

    private final GradingFigures grading;
    private final JdbcClient jdbc;
    /** For the overview's statement: a province's 100,000 lines read as they come, not held by the driver first. */
    private final JdbcClient streaming;

    UpgradeFigureQueries(GradingFigures grading, JdbcClient jdbc, DataSource dataSource) {
        this.grading = grading;
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    private static final String LINE = "select o.id, o.name, o.path, o.field, par.name as parent_name, g.decided_grade,"
            + " g.decided_level, ug.status as goal_status, ug.converted_at,";

    /** A line's ledger and assistance, looked up for each line: for a page of a list, where only its lines are counted. */
    private static final String COUNTED_PER_LINE = ""
            + " (select count(*) from rectification_item i where i.campaign_id = :campaign and i.organization_id = o.id and i.station_id is null) as items,"
            + " (select count(*) from rectification_item i where i.campaign_id = :campaign and i.organization_id = o.id and i.station_id is null"
            + " and i.status = 'OPEN') as open_items,"
            + " (select count(*) from rectification_item i where i.campaign_id = :campaign and i.organization_id = o.id and i.station_id is null"
            + " and i.status = 'OPEN' and i.deadline < :today) as overdue_items,"
            + " (select count(*) from assistance a where a.campaign_id = :campaign and a.organization_id = o.id) as assists";

    /** The same for every line at once ({@link #countedTogether}): a province's 100,000 lines in 1.7 s instead of 2.7 s. */
    private static final String COUNTED_TOGETHER = " coalesce(ri.items, 0) as items, coalesce(ri.open_items, 0) as open_items,"
            + " coalesce(ri.overdue_items, 0) as overdue_items, coalesce(ax.assists, 0) as assists";

    /** The grouped counts {@link #COUNTED_TOGETHER} reads, limited to the subjects' organisations. */
    private static String countedTogether(GradingFigures.Subjects s) {
        return " left join (select i.organization_id as org_id, count(*) as items,"
                + " sum(case when i.status = 'OPEN' then 1 else 0 end) as open_items,"
                + " sum(case when i.status = 'OPEN' and i.deadline < :today then 1 else 0 end) as overdue_items"
                + " from rectification_item i where i.campaign_id = :campaign and i.station_id is null"
                + " and i.organization_id in (select o.id" + s.from() + ") group by i.organization_id) ri on ri.org_id = o.id"
                + " left join (select a.organization_id as org_id, count(*) as assists from assistance a"
                + " where a.campaign_id = :campaign and a.organization_id in (select o.id" + s.from() + ")"
                + " group by a.organization_id) ax on ax.org_id = o.id";
    }

    @Override
    @Transactional(readOnly = true)
    public Overview overview(long campaignId, long organizationId) {
        GradingFigures.Subjects s = grading.subjects(campaignId, organizationId);
        Map<String, Object> p = params(s);
        Map<Long, String> paths = new HashMap<>();
        // in no order: a province's 100,000 lines sorted by the database took 0.6–1.1 s more (spilled to disk), and only
        // the two short lists need the tree's order; they are cut as the lines come, so only their keys are held
        FirstInOrder<Ranked> overdue = new FirstInOrder<>(Ranked.TREE_ORDER, 100);
        FirstInOrder<Ranked> unassisted = new FirstInOrder<>(Ranked.TREE_ORDER, 200);
        List<Line> all = streaming.sql(LINE + " o.sort_key," + COUNTED_TOGETHER + from(s, countedTogether(s)))
                .params(p).query((rs, n) -> {
                    Line l = line(rs);
                    String path = rs.getString("path");
                    paths.put(l.organizationId(), path);
                    if (l.overdue() > 0) {
                        overdue.offer(new Ranked(l, rs.getString("sort_key"), path));
                    }
                    if (l.weakWithoutAssistance()) {
                        unassisted.offer(new Ranked(l, rs.getString("sort_key"), path));
                    }
                    return l;
                }).list();
        List<Totals> units = new ArrayList<>();
        List<Object[]> children = jdbc.sql("select name, path, id from org_tree_view where parent_id = :org and retired = false order by sort_key, name")
                .param("org", organizationId).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}).list();
        for (Object[] u : children) {
            String prefix = (String) u[1];
            units.add(totals((Long) u[2], (String) u[0], all.stream().filter(l -> paths.getOrDefault(l.organizationId(), "").startsWith(prefix)).toList()));
        }
        // organisations this one grades elsewhere in the tree belong to no child: their own line, so units add up
        List<Line> outside = all.stream().filter(l -> children.stream()
                .noneMatch(u -> paths.getOrDefault(l.organizationId(), "").startsWith((String) u[1]))).toList();
        if (!children.isEmpty() && !outside.isEmpty()) {
            units.add(totals(null, "外部评定对象", outside));
        }
        return new Overview(totals(null, "合计", all), units, overdue.list().stream().map(Ranked::line).toList(),
                unassisted.list().stream().map(Ranked::line).toList());
    }

    /**
     * A line with its place in the tree's order as the database gives it ({@code order by o.sort_key, o.path}): the key
     * is hex digits, one fixed-width segment a level ending in the id, so it is unique and compares as plain text the
     * same in Java and in either database (null only before {@code SortKeyBackfill} has run: last, as the database has it).
     */
    private record Ranked(Line line, String sortKey, String path) {
        static final Comparator<Ranked> TREE_ORDER = Comparator.comparing(Ranked::sortKey,
                Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(Ranked::path);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Line> list(long campaignId, long organizationId, Grade level, GoalStatus goal, boolean overdueOnly,
                                 int page, int size) {
        GradingFigures.Subjects s = grading.subjects(campaignId, organizationId);
        Map<String, Object> p = params(s);
        StringBuilder where = new StringBuilder();
        if (level != null) {
            where.append(" and g.decided_level = :level");
            p.put("level", level.name());
        }
        if (goal != null) {
            where.append(" and ug.status = :goal");
            p.put("goal", goal.name());
        }
        if (overdueOnly) {
            where.append(" and exists (select 1 from rectification_item i where i.campaign_id = :campaign"
                    + " and i.organization_id = o.id and i.station_id is null and i.status = 'OPEN' and i.deadline < :today)");
        }
        int sz = Math.max(1, Math.min(size, 200));
        int pg = Math.max(0, page);
        long total = jdbc.sql("select count(*)" + from(s, "") + where).params(p).query(Long.class).single();
        p.put("limit", sz);
        p.put("offset", pg * sz);
        return new PageResult<>(lines(s, p, where.toString(), " limit :limit offset :offset"), pg, sz, total);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Line> openSince(long campaignId, long organizationId, LocalDate before) {
        GradingFigures.Subjects s = grading.subjects(campaignId, organizationId);
        Map<String, Object> p = params(s);
        // the line's overdue count is taken at :today: here the day the lines had to be closed before
        p.put("today", Date.valueOf(before));
        return lines(s, p, " and exists (select 1 from rectification_item i where i.campaign_id = :campaign"
                + " and i.organization_id = o.id and i.station_id is null and i.status = 'OPEN' and i.deadline < :today)", "");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Line> laggingUnsupported(long campaignId, long organizationId) {
        GradingFigures.Subjects s = grading.subjects(campaignId, organizationId);
        return lines(s, params(s), " and g.decided_level = 'LAGGING' and (ug.status is null or ug.status <> 'APPROVED'"
                + " or not exists (select 1 from assistance a where a.campaign_id = :campaign and a.organization_id = o.id))", "");
    }

    @Override
    @Transactional(readOnly = true)
    public Own own(long campaignId, long organizationId) {
        return jdbc.sql("select (select count(*) from rectification_item i where i.campaign_id = :c and i.organization_id = :o and i.station_id is null),"
                        + " (select count(*) from rectification_item i where i.campaign_id = :c and i.organization_id = :o and i.station_id is null"
                        + " and i.status = 'OPEN'),"
                        + " (select count(*) from rectification_item i where i.campaign_id = :c and i.organization_id = :o and i.station_id is null"
                        + " and i.status = 'OPEN' and i.deadline < :today),"
                        + " (select count(*) from assistance a where a.campaign_id = :c and a.organization_id = :o),"
                        + " (select count(*) from assistance_visit v join assistance a on a.id = v.assistance_id"
                        + " where a.campaign_id = :c and a.organization_id = :o)"
                        + " from org_tree_view where id = :o")
                .param("c", campaignId).param("o", organizationId).param("today", Date.valueOf(LocalDate.now()))
                .query((rs, n) -> new Own(rs.getLong(1), rs.getLong(2), rs.getLong(1) - rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)))
                .single();
    }

    private List<Line> lines(GradingFigures.Subjects s, Map<String, Object> p, String where, String tail) {
        return jdbc.sql(LINE + COUNTED_PER_LINE + from(s, "") + where + " order by o.sort_key, o.path" + tail).params(p)
                .query((rs, n) -> line(rs))
                .list();
    }

    private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Line(rs.getLong("id"), rs.getString("name"), rs.getString("field"),
                rs.getString("parent_name"), rs.getString("decided_grade"),
                rs.getString("decided_level") == null ? null : Grade.valueOf(rs.getString("decided_level")),
                rs.getString("goal_status") == null ? null : GoalStatus.valueOf(rs.getString("goal_status")),
                rs.getTimestamp("converted_at") != null, rs.getLong("items"), rs.getLong("open_items"),
                rs.getLong("overdue_items"), rs.getLong("assists"));
    }

    /**
     * The subjects with each one's parent and goal (and {@code joins}) joined. Only the subjects' own WHERE takes them:
     * their look-ups below have WHERE clauses too, and joins put there referred to the outer organisation, so that
     * every look-up ran again per organisation (a county's figures took 30 s on the generated province).
     */
    private static String from(GradingFigures.Subjects s, String joins) {
        String from = s.from();
        int where = from.indexOf(" where ");
        return from.substring(0, where) + " left join org_tree_view par on par.id = o.parent_id"
                + " left join upgrade_goal ug on ug.campaign_id = :campaign and ug.organization_id = o.id and ug.station_id is null"
                + joins + from.substring(where);
    }

    private static Map<String, Object> params(GradingFigures.Subjects s) {
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        p.put("today", Date.valueOf(LocalDate.now()));
        return p;
    }

    private static Totals totals(Long unitId, String label, List<Line> lines) {
        long graded = 0, submitted = 0, approved = 0, lagging = 0, converted = 0, items = 0, open = 0, overdue = 0, weak = 0;
        for (Line l : lines) {
            graded += l.level() != null ? 1 : 0;
            submitted += l.goalStatus() == GoalStatus.SUBMITTED || l.goalStatus() == GoalStatus.APPROVED ? 1 : 0;
            approved += l.goalStatus() == GoalStatus.APPROVED ? 1 : 0;
            lagging += l.level() == Grade.LAGGING ? 1 : 0;
            converted += l.converted() && l.level() == Grade.LAGGING ? 1 : 0;
            items += l.items();
            open += l.open();
            overdue += l.overdue();
            weak += l.weakWithoutAssistance() ? 1 : 0;
        }
        return new Totals(label, lines.size(), graded, submitted, approved, lagging, converted, items, open, items - open,
                overdue, weak, unitId);
    }
}
