package org.covenantvoices.understanding;

/**
 * A message that may disclose risk of harm, for an organiser to review.
 *
 * @param detector what spotted it: keyword, embedding or model
 */
public record SafeguardingConcern(String participantId, Long inboundMessageId, String language, String questionId,
		String text, String category, String detector) {
}
