package org.covenantvoices.audit;

import java.time.Instant;
import java.util.Map;

/** One thing someone did. */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, Map<String, Object> details) {
}
