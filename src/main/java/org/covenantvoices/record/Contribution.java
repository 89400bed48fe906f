package org.covenantvoices.record;

import java.time.Instant;

/** A contribution as analysts see it: pseudonymous, with its provenance. */
public record Contribution(long id, String participantId, String source, String questionId, String choice,
		String text, String language, String answeringAs, Integer groupSize, String organisationType, String nation,
		String area, int representedCount, String eventCode, String scriptVersion, int version, Long supersedes,
		Instant supersededAt, Instant createdAt) {
}
