package org.covenantvoices.audit;

/**
 * Which entries to list. Null fields do not filter.
 *
 * @param action an exact action, or a prefix ending in a dot ({@code event.})
 */
public record AuditQuery(String actor, String action, String subject) {

	public static final AuditQuery ALL = new AuditQuery(null, null, null);
}
