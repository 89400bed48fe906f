package org.covenantvoices.record;

import java.time.Instant;

/**
 * An answer to add to the record.
 *
 * @param participantId pseudonymous id, or null for an event note
 * @param choice a quick answer picked from a list (for Q1: yes, no, not_sure), or null
 * @param text the answer in the person's own words, or null where they only picked a choice
 * @param inboundMessageId the message that carried the answer, for tracing
 * @param givenAt when the person gave it; null means now
 * @param mayPublishAnonymously consent as the person had given it at the time; null where not asked
 * @param mayBeContacted consent as the person had given it at the time; null where not asked
 */
public record NewContribution(String participantId, Source source, QuestionId questionId, String choice, String text,
		String language, AnsweringAs answeringAs, String nation, String area, String eventCode, String scriptVersion,
		String stepId, Long inboundMessageId, Instant givenAt, Boolean mayPublishAnonymously, Boolean mayBeContacted) {

	/** An answer given now, with no consent flags asked. */
	public NewContribution(String participantId, Source source, QuestionId questionId, String choice, String text,
			String language, AnsweringAs answeringAs, String nation, String area, String eventCode,
			String scriptVersion, String stepId, Long inboundMessageId) {
		this(participantId, source, questionId, choice, text, language, answeringAs, nation, area, eventCode,
				scriptVersion, stepId, inboundMessageId, null, null, null);
	}
}
