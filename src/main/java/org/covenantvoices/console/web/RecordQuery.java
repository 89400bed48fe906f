package org.covenantvoices.console.web;

import org.covenantvoices.record.ContributionFilter;

/**
 * The record's filters as query parameters, shared by the list and every export: {@code questionId}, {@code source},
 * {@code eventCode}, {@code from}, {@code to}, {@code nation} and {@code includeSuperseded}.
 */
record RecordQuery(String questionId, String source, String eventCode, String from, String to,
		Boolean includeSuperseded, String nation) {

	ContributionFilter filter() {
		return Filters.of(questionId, source, eventCode, from, to, Boolean.TRUE.equals(includeSuperseded), nation);
	}

	/** For exports that hold current answers only. */
	ContributionFilter currentOnly() {
		return Filters.of(questionId, source, eventCode, from, to, false, nation);
	}
}
