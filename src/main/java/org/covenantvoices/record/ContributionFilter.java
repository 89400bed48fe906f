package org.covenantvoices.record;

import java.time.Instant;

/**
 * Which contributions to list or export. Null fields do not filter.
 *
 * @param from inclusive
 * @param to exclusive
 * @param includeSuperseded also list earlier versions of changed answers
 * @param nation england, scotland, wales, northern_ireland or uk; {@value #NATION_NOT_GIVEN} for contributions that
 * name none
 */
public record ContributionFilter(QuestionId questionId, Source source, String eventCode, Instant from, Instant to,
		boolean includeSuperseded, String nation) {

	/** The nation filter for contributions without a nation. */
	public static final String NATION_NOT_GIVEN = "not_given";

	public static final ContributionFilter CURRENT = new ContributionFilter(null, null, null, null, null, false, null);

	/** A filter on every field but the nation. */
	public ContributionFilter(QuestionId questionId, Source source, String eventCode, Instant from, Instant to,
			boolean includeSuperseded) {
		this(questionId, source, eventCode, from, to, includeSuperseded, null);
	}
}
