package cn.tierup.organization.internal;

import cn.tierup.organization.Crumb;
import cn.tierup.organization.Field;
import cn.tierup.organization.MemberCategory;
import cn.tierup.organization.TreeSummary;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.OrganizationRow;
import cn.tierup.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read queries over the tree. Every subtree question is a prefix match on the indexed path, answered
 * by one statement (the page and its total come back together through a window count).
 */
@Component
public class OrganizationQueries {

    static final String MEMBER_COUNT = "(select count(*) from member m where m.organization_id = o.id"
            + " and m.status = 'ACTIVE' and m.category in ('FULL', 'PROBATIONARY'))";
    static final String CHILD_COUNT = "(select count(*) from organization c where c.parent_id = o.id and c.retired = false)";
    private static final String ROW_COLUMNS = "o.id, o.parent_id, p.name as parent_name, o.name, o.kind, o.field, o.depth,"
            + " o.secretary, o.retired, o.path, " + CHILD_COUNT + " as child_count, " + MEMBER_COUNT + " as member_count";

    private static final Pattern PATH = Pattern.compile("/(\\d+/)*");

    private final JdbcClient jdbc;

    public OrganizationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the subtree under {@code pathPrefix}, filtered; a single indexed statement. */
    public PageResult<OrganizationRow> subtree(String pathPrefix, String q, Field field, OrgKind kind,
                                                boolean includeRetired, int page, int size) {
        return subtree(pathPrefix, q, field, kind, includeRetired, page, size, this::subtreeMemberCounts);
    }

    /**
     * The same, the members of the page's subtrees counted by {@code counts} (given the lines with organisations under
     * them, by id and path; see {@link #subtreeMemberCounts(Map)}), so that a caller may keep a slow count.
     */
    public PageResult<OrganizationRow> subtree(String pathPrefix, String q, Field field, OrgKind kind,
                                                boolean includeRetired, int page, int size,
                                                Function<Map<Long, String>, Map<Long, Long>> counts) {
        // The prefix goes into the statement as a literal (it is a stored path: digits and slashes only), so
        // that both databases plan the range on the path index with the value in hand: H2 prepares a derived
        // table before parameters are bound, and PostgreSQL's generic plan for "like $1" cannot use the index.
        if (!PATH.matcher(pathPrefix).matches()) {
            throw new IllegalArgumentException("not a tree path: " + pathPrefix);
        }
        StringBuilder where = new StringBuilder(" where o.path like '" + pathPrefix + "%'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and o.name like :q");
            params.put("q", "%" + q.strip() + "%");
        }
        if (field != null) {
            where.append(" and o.field = :field");
            params.put("field", field.name());
        }
        if (kind != null) {
            where.append(" and o.kind = :kind");
            params.put("kind", kind.name());
        }
        if (!includeRetired) {
            where.append(" and o.retired = false");
        }
        // The page is chosen first; parent names and counts are then looked up for its rows only, not for
        // every organisation of the subtree (100,000 under a province).
        String sql = "select " + ROW_COLUMNS + ", o.total_rows from (select o.id, o.parent_id, o.path, o.name, o.kind,"
                + " o.field, o.depth, o.secretary, o.retired, o.sort_key, count(*) over () as total_rows from organization o" + where
                + " order by o.sort_key, o.path limit :limit offset :offset) o left join organization p on p.id = o.parent_id"
                + " order by o.sort_key, o.path";
        params.put("limit", size);
        params.put("offset", (long) page * size);
        long[] total = {0};
        Map<Long, String> paths = new HashMap<>();
        List<OrganizationRow> rows = withSubtreeCounts(jdbc.sql(sql).params(params).query((rs, i) -> {
            total[0] = rs.getLong("total_rows");
            paths.put(rs.getLong("id"), rs.getString("path"));
            return row(rs);
        }).list(), paths, counts);
        if (rows.isEmpty() && page > 0) {
            total[0] = jdbc.sql("select count(*) from organization o" + where).params(params).query(Long.class).single();
        }
        return new PageResult<>(rows, page, size, total[0]);
    }

    /** Which of {@code names} active organisations under the path pattern already bear (an import's rows, a chunk at a time). */
    public Set<String> activeNamesIn(Collection<String> names, String pathPattern) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct name from organization where retired = false and path like :p"
                        + " and name in (:names)")
                .param("p", pathPattern).param("names", names).query(String.class).list());
    }

    public List<OrganizationRow> children(long parentId, boolean includeRetired) {
        return children(parentId, includeRetired, true);
    }

    /**
     * The children in the tree's order; with {@code subtreeCounts} each with the members of its whole subtree (a
     * count over every roll below it: for a province's cities, all of its 2,000,000 members), else its own roll's.
     */
    public List<OrganizationRow> children(long parentId, boolean includeRetired, boolean subtreeCounts) {
        Map<Long, String> paths = new HashMap<>();
        List<OrganizationRow> rows = jdbc.sql("select " + ROW_COLUMNS + " from organization o left join organization p on p.id = o.parent_id"
                        + " where o.parent_id = :parent" + (includeRetired ? "" : " and o.retired = false")
                        + " order by o.sort_key, o.name")
                .param("parent", parentId).query((rs, i) -> {
                    paths.put(rs.getLong("id"), rs.getString("path"));
                    return row(rs);
                }).list();
        return subtreeCounts ? withSubtreeCounts(rows, paths, this::subtreeMemberCounts) : rows;
    }

    /**
     * The members of each child's whole subtree (as {@link #children(long, boolean, boolean)} counts them), for the
     * children that have organisations under them (retired children too).
     */
    public Map<Long, Long> childSubtreeMemberCounts(long parentId) {
        Map<Long, String> paths = new HashMap<>();
        jdbc.sql("select o.id, o.path from organization o where o.parent_id = :parent"
                        + " and exists (select 1 from organization c where c.parent_id = o.id)")
                .param("parent", parentId).query(rs -> {
                    paths.put(rs.getLong("id"), rs.getString("path"));
                });
        return subtreeMemberCounts(paths);
    }

    /** The active organisations of one's subtree, itself included. */
    public long subtreeSize(long id) {
        String path = jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a tree path: " + path);
        }
        // the prefix as a literal, for the path index (see subtree())
        return jdbc.sql("select count(*) from organization s where s.path like '" + path + "%' and s.retired = false")
                .query(Long.class).single();
    }

    /**
     * Party members on the rolls of the organisation at {@code path} and of everything under it (active
     * organisations and members), one indexed prefix count.
     */
    public long subtreeMemberCount(String path) {
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a tree path: " + path);
        }
        // the prefix as a literal, for the path index (see subtree())
        return jdbc.sql("select count(*) from member m join organization s on s.id = m.organization_id"
                        + " where s.path like '" + path + "%' and s.retired = false and m.status = 'ACTIVE'"
                        + " and m.category in ('FULL', 'PROBATIONARY')")
                .query(Long.class).single();
    }

    /**
     * The rows with their subtrees' members: the own roll for a row with nothing under it; for the others one
     * statement for the whole page, a prefix count per row on the path index (its prefix a literal, see subtree()).
     */
    private List<OrganizationRow> withSubtreeCounts(List<OrganizationRow> rows, Map<Long, String> paths,
                                                    Function<Map<Long, String>, Map<Long, Long>> counts) {
        Map<Long, String> parents = new HashMap<>();
        rows.stream().filter(r -> r.childCount() > 0).forEach(r -> parents.put(r.id(), paths.get(r.id())));
        Map<Long, Long> counted = counts.apply(parents);
        return rows.stream().map(r -> r.withSubtreeMemberCount(counted.getOrDefault(r.id(), r.memberCount()))).toList();
    }

    /** The members of each given organisation's whole subtree, by id: one statement, a prefix count on the path index each. */
    public Map<Long, Long> subtreeMemberCounts(Map<Long, String> paths) {
        Map<Long, Long> counted = new HashMap<>();
        if (!paths.isEmpty()) {
            StringBuilder sql = new StringBuilder();
            for (Map.Entry<Long, String> e : paths.entrySet()) {
                String path = e.getValue();
                if (!PATH.matcher(path).matches()) {
                    throw new IllegalArgumentException("not a tree path: " + path);
                }
                sql.append(sql.isEmpty() ? "" : " union all ").append("select ").append(e.getKey())
                        .append(" as id, count(*) as n from member m join organization s on s.id = m.organization_id")
                        .append(" where s.path like '").append(path).append("%' and s.retired = false and m.status = 'ACTIVE'")
                        .append(" and m.category in ('FULL', 'PROBATIONARY')");
            }
            jdbc.sql(sql.toString()).query(rs -> {
                counted.put(rs.getLong("id"), rs.getLong("n"));
            });
        }
        return counted;
    }

    public long memberCount(long organizationId) {
        return jdbc.sql("select " + MEMBER_COUNT.replace("o.id", ":id")).param("id", organizationId)
                .query(Long.class).single();
    }

    public long activeChildCount(long organizationId) {
        return jdbc.sql("select count(*) from organization c where c.parent_id = :id and c.retired = false")
                .param("id", organizationId).query(Long.class).single();
    }

    public long activeMemberCount(long organizationId) {
        return jdbc.sql("select count(*) from member where organization_id = :id and status = 'ACTIVE'")
                .param("id", organizationId).query(Long.class).single();
    }

    /**
     * Rewrites the paths and depths under an organisation that moved from {@code oldPath} to
     * {@code newPath} (one statement for the whole subtree); answers how many moved with it.
     */
    public int moveDescendants(long id, String oldPath, String newPath, int depthDelta) {
        return jdbc.sql("update organization set path = :newPrefix || substring(path, :cut),"
                        + " depth = depth + :delta where path like :old and id <> :id")
                .param("newPrefix", newPath).param("cut", oldPath.length() + 1)
                .param("delta", depthDelta).param("old", oldPath + "%").param("id", id).update();
    }

    /**
     * Gives the subtree under an organisation whose sort key changed (renamed, renumbered or moved) its new
     * prefix; the levels below keep their own segments. One statement for the whole subtree.
     */
    public int rekeyDescendants(long id, String path, String oldKey, String newKey) {
        return jdbc.sql("update organization set sort_key = :newKey || substring(sort_key, :cut)"
                        + " where path like :p and id <> :id and sort_key is not null")
                .param("newKey", newKey).param("cut", oldKey.length() + 1).param("p", path + "%").param("id", id)
                .update();
    }

    /** The organisations on the path, from {@code fromId} (the user's own) down to the last id. */
    public List<Crumb> trail(String path, long fromId) {
        List<Long> ids = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        int start = ids.indexOf(fromId);
        if (start < 0) {
            return List.of();
        }
        List<Long> wanted = ids.subList(start, ids.size());
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from organization where id in (:ids)").param("ids", wanted)
                .query((ResultSet rs) -> {
                    names.put(rs.getLong("id"), rs.getString("name"));
                });
        List<Crumb> crumbs = new ArrayList<>();
        for (Long id : wanted) {
            crumbs.add(new Crumb(id, names.getOrDefault(id, "")));
        }
        return crumbs;
    }

    public String nameOf(Long id) {
        if (id == null) {
            return null;
        }
        return jdbc.sql("select name from organization where id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }

    /** Counts of organisations by kind and field and of the roll by category, under {@code pathPrefix}. */
    public TreeSummary summary(String rootName, String pathPrefix) {
        String prefix = pathPrefix + "%";
        Map<OrgKind, Long> byKind = new EnumMap<>(OrgKind.class);
        Map<Field, Long> byField = new EnumMap<>(Field.class);
        long[] orgs = {0};
        jdbc.sql("select kind, field, count(*) as n from organization where path like :p and retired = false"
                        + " group by kind, field").param("p", prefix)
                .query((ResultSet rs) -> {
                    long n = rs.getLong("n");
                    orgs[0] += n;
                    byKind.merge(OrgKind.valueOf(rs.getString("kind")), n, Long::sum);
                    byField.merge(Field.valueOf(rs.getString("field")), n, Long::sum);
                });
        Map<MemberCategory, Long> byCategory = new EnumMap<>(MemberCategory.class);
        long[] flags = {0, 0};
        jdbc.sql("select m.category, sum(case when m.retired then 1 else 0 end) as r,"
                        + " sum(case when m.floating then 1 else 0 end) as f, count(*) as n"
                        + " from member m join organization o on o.id = m.organization_id"
                        + " where o.path like :p and m.status = 'ACTIVE' group by m.category").param("p", prefix)
                .query((ResultSet rs) -> {
                    MemberCategory c = MemberCategory.valueOf(rs.getString("category"));
                    byCategory.put(c, rs.getLong("n"));
                    if (c.isPartyMember()) {
                        flags[0] += rs.getLong("r");
                        flags[1] += rs.getLong("f");
                    }
                });
        long partyMembers = byCategory.getOrDefault(MemberCategory.FULL, 0L)
                + byCategory.getOrDefault(MemberCategory.PROBATIONARY, 0L);
        return new TreeSummary(rootName, orgs[0], byKind, byField, byCategory, partyMembers, flags[0], flags[1]);
    }

    private static OrganizationRow row(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new OrganizationRow(rs.getLong("id"), parentId, rs.getString("parent_name"),
                rs.getString("name"), OrgKind.valueOf(rs.getString("kind")), Field.valueOf(rs.getString("field")),
                rs.getInt("depth"), rs.getString("secretary"), rs.getBoolean("retired"), rs.getLong("child_count"),
                rs.getLong("member_count"), rs.getLong("member_count"));
    }

    /** The organisations on or under the path whose last 书记 term has ended with nobody holding the post now. */
    public List<cn.tierup.organization.LeadershipService.VacantSecretary> vacantSecretaries(String path) {
        return jdbc.sql("select o.id, o.name, l.person_name, l.ended_on from organization o"
                        + " join leadership_post l on l.organization_id = o.id and l.post = 'SECRETARY'"
                        + " where o.path like :path and o.retired = false"
                        + " and not exists (select 1 from leadership_post c where c.organization_id = o.id and c.post = 'SECRETARY'"
                        + " and c.ended_on is null)"
                        + " and not exists (select 1 from leadership_post later where later.organization_id = o.id"
                        + " and later.post = 'SECRETARY' and (later.ended_on > l.ended_on or (later.ended_on = l.ended_on and later.id > l.id)))"
                        + " order by o.sort_key, o.path")
                .param("path", path + "%")
                .query((rs, n) -> new cn.tierup.organization.LeadershipService.VacantSecretary(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getDate(4).toLocalDate()))
                .list();
    }
}
