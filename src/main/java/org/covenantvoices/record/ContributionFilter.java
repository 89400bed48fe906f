package org.covenantvoices.record;

import java.time.Instant;

/**
 * Which contributions to list or export. Null fields do not filter.
 *
 * @param from inclusive
 * @param to exclusive
 * @param includeSuperseded also list earlier versions of changed answers
 */
public record ContributionFilter(QuestionId questionId, Source source, String eventCode, Instant from, Instant to,
		boolean includeSuperseded) {

	public static final ContributionFilter CURRENT = new ContributionFilter(null, null, null, null, null, false);
}
