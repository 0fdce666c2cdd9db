package cn.tierup.audit;

import java.time.LocalDate;

/** Filters of the audit trail: an organisation's subtree, a person, a date range. */
public record AuditQuery(Long organizationId, String actor, LocalDate from, LocalDate to, Integer page, Integer size) {
}
