package cn.tierup.audit;

import cn.tierup.audit.internal.AuditQueries;
import cn.tierup.identity.OrgScope;
import cn.tierup.identity.OrganizationDirectory;
import cn.tierup.identity.Permission;
import cn.tierup.identity.ScopeGuard;
import cn.tierup.shared.Actors;
import cn.tierup.shared.AuditRecorder;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.PageResult;
import java.time.LocalDateTime;
import java.util.List;
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

    private final AuditQueries queries;
    private final JsonMapper json;
    private final OrganizationDirectory directory;
    private final ScopeGuard guard;

    AuditTrail(AuditQueries queries, JsonMapper json, OrganizationDirectory directory, ScopeGuard guard) {
        this.queries = queries;
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
        queries.append(LocalDateTime.now(), Actors.current(), organizationId, path, entityType,
                entityId == null ? null : String.valueOf(entityId), action,
                summary(summary),
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> entries) {
        LocalDateTime at = LocalDateTime.now();
        String actor = Actors.current();
        queries.appendAll(entries.stream().map(e -> new AuditQueries.Row(at, actor, e.organizationId(), e.organizationPath(),
                e.entityType(), e.entityId() == null ? null : String.valueOf(e.entityId()), e.action(), summary(e.summary()),
                e.before() == null ? null : json.writeValueAsString(e.before()),
                e.after() == null ? null : json.writeValueAsString(e.after()))).toList());
    }

    private static String summary(String s) {
        return s == null ? null : s.length() > 300 ? s.substring(0, 300) : s;
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
        String actor = q.actor() != null && !q.actor().isBlank() ? q.actor().strip() : null;
        return queries.page(prefix, actor, q.from(), q.to(), page, size);
    }
}
