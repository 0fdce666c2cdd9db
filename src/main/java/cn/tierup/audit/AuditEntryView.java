package cn.tierup.audit;

import java.time.LocalDateTime;

public record AuditEntryView(long id, LocalDateTime at, String actor, Long organizationId, String organizationName,
                             String entityType, String entityId, String action, String summary,
                             String before, String after) {
}
