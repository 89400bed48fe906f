package org.covenantvoices.participant;

import java.time.Instant;

/**
 * A person taking part, known only by a pseudonymous id.
 *
 * @param language the language they chose, or null before they chose one
 */
public record Participant(String id, String channel, String language, ParticipantStatus status, boolean updatesOptIn,
		Instant createdAt) {

	public boolean stopped() {
		return status == ParticipantStatus.STOPPED;
	}
}
