package org.covenantvoices.record;

import java.time.Instant;

/**
 * A contribution as analysts see it: pseudonymous, with its provenance.
 *
 * @param granularity person, group or event_note
 * @param givenAt when the person said it (for an imported note, the day of the event or form)
 * @param mayPublishAnonymously consent to quote it without a name; null where the question was not asked
 * @param mayBeContacted consent to be contacted again; null where the question was not asked
 * @param externalId the id an imported row had in its source file
 */
public record Contribution(long id, String participantId, String source, String questionId, String choice,
		String text, String language, String answeringAs, Integer groupSize, String organisationType, String nation,
		String area, int representedCount, String eventCode, String scriptVersion, int version, Long supersedes,
		Instant supersededAt, Instant createdAt, String granularity, Instant givenAt, Boolean mayPublishAnonymously,
		Boolean mayBeContacted, String externalId) {

	public Contribution withText(String newText) {
		return new Contribution(id, participantId, source, questionId, choice, newText, language, answeringAs,
				groupSize, organisationType, nation, area, representedCount, eventCode, scriptVersion, version,
				supersedes, supersededAt, createdAt, granularity, givenAt, mayPublishAnonymously, mayBeContacted,
				externalId);
	}
}
