package org.covenantvoices.record.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.record.ContributionFilter;

/** A contribution filter as SQL, for the table aliased {@code c}. */
record Where(String sql, List<Object> params) {

	static Where of(ContributionFilter f) {
		return of(f, f.includeSuperseded());
	}

	static Where of(ContributionFilter f, boolean includeSuperseded) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (!includeSuperseded) {
			clauses.add("c.superseded_at IS NULL");
		}
		if (f.questionId() != null) {
			clauses.add("c.question_id = ?");
			params.add(f.questionId().name());
		}
		if (f.source() != null) {
			clauses.add("c.source = ?");
			params.add(f.source().code());
		}
		if (f.eventCode() != null) {
			clauses.add("c.event_code = ?");
			params.add(JdbcEvents.canonical(f.eventCode()));
		}
		if (f.from() != null) {
			clauses.add("c.created_at >= ?");
			params.add(Timestamp.from(f.from()));
		}
		if (f.to() != null) {
			clauses.add("c.created_at < ?");
			params.add(Timestamp.from(f.to()));
		}
		if (ContributionFilter.NATION_NOT_GIVEN.equals(f.nation())) {
			clauses.add("c.nation IS NULL");
		}
		else if (f.nation() != null) {
			clauses.add("c.nation = ?");
			params.add(f.nation());
		}
		return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
	}

	/** Adds a condition. */
	Where and(String clause) {
		return new Where(sql.isEmpty() ? " WHERE " + clause : sql + " AND " + clause, params);
	}
}
