package org.covenantvoices.audit;

import java.util.Map;

/**
 * An append-only record of organiser and privacy actions. Every method joins the caller's transaction where there is
 * one, so an action and its entry commit together or not at all.
 */
public interface AuditLog {

	/**
	 * Appends an entry.
	 *
	 * @param actor who did it: a console user name, or {@code participant}, {@code system}
	 * @param action what they did, as a dotted name such as {@code event.created} or {@code export.csv}
	 * @param subject what it was done to (an event code, a pseudonymous participant id), or null
	 * @param details more facts, stored as JSON; never personal data such as phone numbers
	 */
	void record(String actor, String action, String subject, Map<String, ?> details);

	/** Newest first. */
	AuditPage find(AuditQuery query, int page, int size);
}
