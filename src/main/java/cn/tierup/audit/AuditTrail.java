package cn.tierup.audit;

import cn.tierup.identity.OrgScope;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.PageResult;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the trail inside the caller's transaction (a change and its entry commit together or not at
 * all) and reads it scoped to the reader's subtree. There is no update or delete.
 */
@Service
public class AuditTrail implements AuditRecorder {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OrganizationDirectory directory;
    private final ScopeGuard guard;

    AuditTrail(JdbcClient jdbc, JsonMapper json, OrganizationDirectory directory, ScopeGuard guard) {
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
        this.guard = guard;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, Object entityId, Long organizationId, String action, String summary,
                       Object before, Object after) {
        String path = organizationId == null ? null
                : directory.find(organizationId).map(OrganizationDirectory.OrgRef::path).orElse(null);
        jdbc.sql("insert into audit_entry (at, actor, organization_id, organization_path, entity_type, entity_id,"
                        + " action, summary, before_state, after_state)"
                        + " values (:at, :actor, :org, :path, :type, :eid, :action, :summary, :before, :after)")
                .param("at", Timestamp.valueOf(LocalDateTime.now()))
                .param("actor", Actors.current())
                .param("org", organizationId)
                .param("path", path)
                .param("type", entityType)
                .param("eid", entityId == null ? null : String.valueOf(entityId))
                .param("action", action)
                .param("summary", summary == null ? null : summary.length() > 300 ? summary.substring(0, 300) : summary)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntryView> find(AuditQuery q) {
        OrgScope scope = guard.scope(Permission.AUDIT_READ);
        String prefix = scope.path();
        if (q.organizationId() != null) {
            prefix = guard.require(Permission.AUDIT_READ, q.organizationId()).path();
        }
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw new DomainException("audit.range.invalid");
        }
        int page = PageResult.clampPage(q.page());
        int size = PageResult.clampSize(q.size());
        StringBuilder where = new StringBuilder(" from audit_entry a left join org_tree_view o on o.id = a.organization_id"
                + " where a.organization_path like :prefix");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("prefix", prefix + "%");
        if (q.actor() != null && !q.actor().isBlank()) {
            where.append(" and a.actor = :actor");
            params.put("actor", q.actor().strip());
        }
        if (q.from() != null) {
            where.append(" and a.at >= :from");
            params.put("from", Timestamp.valueOf(q.from().atStartOfDay()));
        }
        if (q.to() != null) {
            where.append(" and a.at < :to");
            params.put("to", Timestamp.valueOf(q.to().plusDays(1).atStartOfDay()));
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
