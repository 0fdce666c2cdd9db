package cn.tierup.audit.internal;

import cn.tierup.audit.AuditEntryView;
import cn.tierup.shared.PageResult;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL over audit_entry. Only appends and reads: the trail has no update or delete. Scope and
 * validation stay with {@code AuditTrail}; these methods trust the prefix and bounds they are given.
 */
@Repository
public class AuditQueries {

    /** Entries written per JDBC batch by {@link #appendAll}. */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public AuditQueries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Appends one entry; before and after come already serialised. */
    public void append(LocalDateTime at, String actor, Long organizationId, String organizationPath, String entityType,
                       String entityId, String action, String summary, String before, String after) {
        jdbc.sql("insert into audit_entry (at, actor, organization_id, organization_path, entity_type, entity_id,"
                        + " action, summary, before_state, after_state)"
                        + " values (:at, :actor, :org, :path, :type, :eid, :action, :summary, :before, :after)")
                .param("at", Timestamp.valueOf(at))
                .param("actor", actor)
                .param("org", organizationId)
                .param("path", organizationPath)
                .param("type", entityType)
                .param("eid", entityId)
                .param("action", action)
                .param("summary", summary)
                .param("before", before)
                .param("after", after)
                .update();
    }

    /** One entry as {@link #append} takes it. */
    public record Row(LocalDateTime at, String actor, Long organizationId, String organizationPath, String entityType,
                      String entityId, String action, String summary, String before, String after) {
    }

    /** Appends the entries in JDBC batches. */
    public void appendAll(List<Row> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + BATCH));
            batch.batchUpdate("insert into audit_entry (at, actor, organization_id, organization_path, entity_type, entity_id,"
                            + " action, summary, before_state, after_state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    part, part.size(), (ps, r) -> {
                        ps.setTimestamp(1, Timestamp.valueOf(r.at()));
                        ps.setString(2, r.actor());
                        ps.setObject(3, r.organizationId());
                        ps.setString(4, r.organizationPath());
                        ps.setString(5, r.entityType());
                        ps.setString(6, r.entityId());
                        ps.setString(7, r.action());
                        ps.setString(8, r.summary());
                        ps.setString(9, r.before());
                        ps.setString(10, r.after());
                    });
        }
    }

    /** Entries under the path prefix, filtered by actor and day range (either may be null): one page, newest first. */
    public PageResult<AuditEntryView> page(String pathPrefix, String actor, LocalDate from, LocalDate to, int page, int size) {
        StringBuilder where = new StringBuilder(" from audit_entry a left join org_tree_view o on o.id = a.organization_id"
                + " where a.organization_path like :prefix");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("prefix", pathPrefix + "%");
        if (actor != null) {
            where.append(" and a.actor = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            where.append(" and a.at >= :from");
            params.put("from", Timestamp.valueOf(from.atStartOfDay()));
        }
        if (to != null) {
            where.append(" and a.at < :to");
            params.put("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<AuditEntryView> items = jdbc.sql("select a.*, o.name as org_name" + where
                        + " order by a.at desc, a.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, i) -> {
                    long org = rs.getLong("organization_id");
                    Long orgId = rs.wasNull() ? null : org;
                    return new AuditEntryView(rs.getLong("id"), rs.getTimestamp("at").toLocalDateTime(),
                            rs.getString("actor"), orgId, rs.getString("org_name"), rs.getString("entity_type"),
                            rs.getString("entity_id"), rs.getString("action"), rs.getString("summary"),
                            rs.getString("before_state"), rs.getString("after_state"));
                }).list();
        return new PageResult<>(items, page, size, total);
    }
}
