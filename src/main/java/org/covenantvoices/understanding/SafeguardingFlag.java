package org.covenantvoices.understanding;

import java.time.Instant;

/**
 * A message flagged as a possible disclosure of risk of harm, and whether an organiser has reviewed it.
 *
 * @param participantId null once the person asked to be forgotten
 * @param category self_harm, abuse, danger or crisis
 * @param detector keyword, embedding or model
 * @param reviewedAt null while it waits for review
 */
public record SafeguardingFlag(long id, String participantId, String language, String questionId, String text,
		String category, String detector, Instant createdAt, Instant reviewedAt, String reviewedBy,
		String reviewNote) {

	public boolean reviewed() {
		return reviewedAt != null;
	}
}
