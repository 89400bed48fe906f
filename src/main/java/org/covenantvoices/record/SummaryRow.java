package org.covenantvoices.record;

/**
 * How many contributions, and how many people they speak for, for one question, source, nation and event.
 *
 * @param nation null where not known
 * @param eventCode null for contributions not tied to an event
 */
public record SummaryRow(String questionId, String source, String nation, String eventCode, String eventTitle,
		long contributions, long peopleRepresented) {
}
