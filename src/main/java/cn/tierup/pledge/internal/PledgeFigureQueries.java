package cn.tierup.pledge.internal;

import cn.tierup.grading.GradingFigures;
import cn.tierup.pledge.PledgeFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PledgeFigures} counted over the pledge tables for the organisations grading says are overseen. */
@Service
class PledgeFigureQueries implements PledgeFigures {

    private final GradingFigures grading;
    private final JdbcClient jdbc;

    PledgeFigureQueries(GradingFigures grading, JdbcClient jdbc) {
        this.grading = grading;
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "select o.id, o.name, o.path,"
            + " (select count(*) from pledge p join pledge_board b on b.id = p.board_id where b.campaign_id = :campaign"
            + " and b.organization_id = o.id and p.published_at is not null) as pledges,"
            + " (select count(*) from pledge_item i join pledge p on p.id = i.pledge_id join pledge_board b on b.id = p.board_id"
            + " where b.campaign_id = :campaign and b.organization_id = o.id and p.published_at is not null) as items,"
            + " (select count(*) from pledge_item i join pledge p on p.id = i.pledge_id join pledge_board b on b.id = p.board_id"
            + " where b.campaign_id = :campaign and b.organization_id = o.id and p.published_at is not null"
            + " and i.status = 'FULFILLED') as fulfilled,"
            + " (select count(*) from pledge_item i join pledge p on p.id = i.pledge_id join pledge_board b on b.id = p.board_id"
            + " where b.campaign_id = :campaign and b.organization_id = o.id and p.published_at is not null"
            + " and i.status = 'NOT_FULFILLED') as not_fulfilled,"
            + " (select count(*) from pledge_item i join pledge p on p.id = i.pledge_id join pledge_board b on b.id = p.board_id"
            + " where b.campaign_id = :campaign and b.organization_id = o.id and p.published_at is not null"
            + " and i.status = 'IN_PROGRESS') as in_progress,"
            + " (select coalesce(sum(t.n), 0) from pledge_rating_tally t join pledge_board b on b.id = t.board_id"
            + " where b.campaign_id = :campaign and b.organization_id = o.id and t.choice = 'SATISFIED') as s1,"
            + " (select coalesce(sum(t.n), 0) from pledge_rating_tally t join pledge_board b on b.id = t.board_id"
            + " where b.campaign_id = :campaign and b.organization_id = o.id and t.choice = 'FAIRLY_SATISFIED') as s2,"
            + " (select coalesce(sum(t.n), 0) from pledge_rating_tally t join pledge_board b on b.id = t.board_id"
            + " where b.campaign_id = :campaign and b.organization_id = o.id and t.choice = 'DISSATISFIED') as s3";

    @Override
    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long organizationId) {
        GradingFigures.Subjects s = grading.subjects(campaignId, organizationId);
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        List<String> paths = new ArrayList<>();
        List<Line> lines = jdbc.sql(COLUMNS + s.from() + " order by o.sort_key, o.path").params(p)
                .query((rs, n) -> {
                    paths.add(rs.getString("path"));
                    return new Line(rs.getLong("id"), rs.getString("name"), rs.getLong("pledges"), rs.getLong("items"),
                            rs.getLong("fulfilled"), rs.getLong("not_fulfilled"), rs.getLong("in_progress"), rs.getLong("s1"), rs.getLong("s2"), rs.getLong("s3"));
                }).list();
        List<Line> units = new ArrayList<>();
        List<Object[]> children = jdbc.sql("select id, name, path from org_tree_view where parent_id = :org and retired = false order by sort_key, name")
                .param("org", organizationId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        for (Object[] u : children) {
            Line sum = new Line((Long) u[0], (String) u[1], 0, 0, 0, 0, 0, 0, 0, 0);
            for (int i = 0; i < lines.size(); i++) {
                if (paths.get(i).startsWith((String) u[2])) {
                    sum = sum.plus(lines.get(i), (String) u[1]);
                }
            }
            units.add(new Line((Long) u[0], sum.label(), sum.pledges(), sum.items(), sum.fulfilled(), sum.notFulfilled(),
                    sum.inProgress(), sum.satisfied(), sum.fairly(), sum.dissatisfied()));
        }
        if (!children.isEmpty()) {
            // organisations this one grades elsewhere in the tree belong to no child: their own line, so units add up
            Line outside = new Line(null, "外部评定对象", 0, 0, 0, 0, 0, 0, 0, 0);
            boolean any = false;
            for (int i = 0; i < lines.size(); i++) {
                String path = paths.get(i);
                if (children.stream().noneMatch(u -> path.startsWith((String) u[2]))) {
                    outside = outside.plus(lines.get(i), "外部评定对象");
                    any = true;
                }
            }
            if (any) {
                units.add(outside);
            }
        }
        Line total = new Line(null, "合计", 0, 0, 0, 0, 0, 0, 0, 0);
        for (Line l : lines) {
            total = total.plus(l, "合计");
        }
        String name = jdbc.sql("select name from org_tree_view where id = :id").param("id", organizationId).query(String.class).single();
        java.util.Set<Long> withChildren = new java.util.HashSet<>(jdbc.sql("select distinct c.parent_id from org_tree_view c"
                        + " join org_tree_view u on u.id = c.parent_id where u.parent_id = :org and c.retired = false")
                .param("org", organizationId).query(Long.class).list());
        return new Summary(name, units, lines, total, withChildren);
    }

    @Override
    @Transactional(readOnly = true)
    public Line line(long campaignId, long organizationId) {
        return jdbc.sql(COLUMNS + " from org_tree_view o where o.id = :org").param("campaign", campaignId)
                .param("org", organizationId)
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getString("name"), rs.getLong("pledges"), rs.getLong("items"),
                        rs.getLong("fulfilled"), rs.getLong("not_fulfilled"), rs.getLong("in_progress"), rs.getLong("s1"),
                        rs.getLong("s2"), rs.getLong("s3")))
                .single();
    }
}
