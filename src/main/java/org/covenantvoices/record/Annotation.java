package org.covenantvoices.record;

import java.time.Instant;

/**
 * A label on a contribution: a principle, a theme or a sentiment, with who assigned it. Rows are never changed; a
 * confirmation or correction is a new row that supersedes the last, so the whole history is kept.
 *
 * @param action assigned, confirmed, corrected or removed
 * @param model the model that assigned it, or null where an organiser did
 * @param organiser the console user who assigned, confirmed or corrected it, or null where a model did
 */
public record Annotation(long id, long contributionId, String kind, String value, String action, String model,
		String modelVersion, String organiser, Long supersedes, Instant supersededAt, Instant createdAt) {
}
