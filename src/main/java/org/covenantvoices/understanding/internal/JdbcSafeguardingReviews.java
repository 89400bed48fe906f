package org.covenantvoices.understanding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.understanding.SafeguardingFlag;
import org.covenantvoices.understanding.SafeguardingReviews;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcSafeguardingReviews implements SafeguardingReviews {

	private static final String COLUMNS = "id, participant_id, language, question_id, text, category, detector, "
			+ "created_at, reviewed_at, reviewed_by, review_note";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	JdbcSafeguardingReviews(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public List<SafeguardingFlag> waiting(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM safeguarding_flags WHERE reviewed_at IS NULL "
				+ "ORDER BY created_at, id LIMIT ?")
			.param(limit)
			.query(JdbcSafeguardingReviews::map)
			.list();
	}

	@Override
	public long waitingCount() {
		return jdbc.sql("SELECT count(*) FROM safeguarding_flags WHERE reviewed_at IS NULL")
			.query(Long.class)
			.single();
	}

	@Override
	public List<SafeguardingFlag> reviewed(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM safeguarding_flags WHERE reviewed_at IS NOT NULL "
				+ "ORDER BY reviewed_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query(JdbcSafeguardingReviews::map)
			.list();
	}

	@Override
	public Optional<SafeguardingFlag> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM safeguarding_flags WHERE id = ?")
			.param(id)
			.query(JdbcSafeguardingReviews::map)
			.optional();
	}

	@Override
	@Transactional
	public boolean markReviewed(long id, String note, String reviewer) {
		// Only the first review counts: two organisers on the same flag do not overwrite each other.
		int updated = jdbc.sql("UPDATE safeguarding_flags SET reviewed_at = now(), reviewed_by = ?, review_note = ? "
				+ "WHERE id = ? AND reviewed_at IS NULL")
			.params(reviewer, note, id)
			.update();
		if (updated == 1) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("note", note == null ? "" : note);
			audit.record(reviewer, "safeguarding.reviewed", String.valueOf(id), details);
		}
		return updated == 1;
	}

	private static SafeguardingFlag map(ResultSet rs, int n) throws SQLException {
		return new SafeguardingFlag(rs.getLong("id"), rs.getString("participant_id"), rs.getString("language"),
				rs.getString("question_id"), rs.getString("text"), rs.getString("category"), rs.getString("detector"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("reviewed_at")),
				rs.getString("reviewed_by"), rs.getString("review_note"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
