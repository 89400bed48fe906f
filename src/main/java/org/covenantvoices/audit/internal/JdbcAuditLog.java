package org.covenantvoices.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.covenantvoices.audit.AuditEntry;
import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.audit.AuditPage;
import org.covenantvoices.audit.AuditQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditLog implements AuditLog {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	JdbcAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(String actor, String action, String subject, Map<String, ?> details) {
		jdbc.sql("INSERT INTO audit_log (actor, action, subject, details) VALUES (?, ?, ?, ?::jsonb)")
			.params(actor, action, subject, json.writeValueAsString(details == null ? Map.of() : details))
			.update();
	}

	@Override
	public AuditPage find(AuditQuery query, int page, int size) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (query.actor() != null) {
			clauses.add("actor = ?");
			params.add(query.actor());
		}
		if (query.action() != null) {
			if (query.action().endsWith(".")) {
				clauses.add("starts_with(action, ?)");
			}
			else {
				clauses.add("action = ?");
			}
			params.add(query.action());
		}
		if (query.subject() != null) {
			clauses.add("subject = ?");
			params.add(query.subject());
		}
		String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
		long total = jdbc.sql("SELECT count(*) FROM audit_log" + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<AuditEntry> items = jdbc
			.sql("SELECT id, at, actor, action, subject, details::text FROM audit_log" + where
					+ " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
					json.readValue(rs.getString("details"), MAP)))
			.list();
		return new AuditPage(items, page, size, total);
	}
}
