package org.covenantvoices.record;

/**
 * An answer to add to the record.
 *
 * @param participantId pseudonymous id, or null for an event note
 * @param choice a quick answer picked from a list (for Q1: yes, no, not_sure), or null
 * @param text the answer in the person's own words, or null where they only picked a choice
 * @param inboundMessageId the message that carried the answer, for tracing
 */
public record NewContribution(String participantId, Source source, QuestionId questionId, String choice, String text,
		String language, AnsweringAs answeringAs, String nation, String area, String eventCode, String scriptVersion,
		String stepId, Long inboundMessageId) {
}
