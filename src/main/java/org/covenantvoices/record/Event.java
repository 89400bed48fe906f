package org.covenantvoices.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A roundtable, event or online session whose views go into the record.
 *
 * @param joinCode what participants text to tag their answers with this event; also the event's id in the API
 * @param nation england, scotland, wales, northern_ireland, or uk for a UK-wide event
 * @param status open (the join code works) or closed
 * @param outcomeSummary what came out of it, given when it closed
 */
public record Event(String joinCode, String kind, String title, LocalDate date, String hostOrganisation,
		String nation, String place, String status, String outcomeSummary, Integer attendeeCount,
		List<String> organisationsAttended, Instant closedAt, String createdBy, Instant createdAt,
		Instant updatedAt) {

	public boolean open() {
		return "open".equals(status);
	}
}
