package org.covenantvoices.record.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.record.Annotation;
import org.covenantvoices.record.AnswerToLabel;
import org.covenantvoices.record.Annotations;
import org.covenantvoices.record.InvalidRequest;
import org.covenantvoices.record.NotFound;
import org.covenantvoices.record.QuestionId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAnnotations implements Annotations {

	static final Set<String> PRINCIPLES = Set.of("recognition", "partnership", "participation", "transparency");

	static final Set<String> SENTIMENTS = Set.of("agreement", "disagreement", "mixed", "unclear");

	private static final String COLUMNS = "id, contribution_id, kind, value, action, model, model_version, organiser, "
			+ "supersedes, superseded_at, created_at";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	JdbcAnnotations(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Annotation assignByModel(long contributionId, String kind, String value, String model,
			String modelVersion) {
		if (blank(model) || blank(modelVersion)) {
			throw new InvalidRequest("A model's label needs the model's name and version");
		}
		return insert(contributionId, kind(kind), value(kind(kind), value), "assigned", model.strip(),
				modelVersion.strip(), null, null);
	}

	@Override
	@Transactional
	public int replaceByModel(QuestionId question, String kind, String model, String modelVersion,
			Map<Long, String> values) {
		if (blank(model) || blank(modelVersion)) {
			throw new InvalidRequest("A model's label needs the model's name and version");
		}
		String k = kind(kind);
		Map<Long, Long> earlier = new HashMap<>();
		jdbc.sql("UPDATE annotations a SET superseded_at = now() FROM contributions c WHERE c.id = a.contribution_id "
				+ "AND c.question_id = ? AND a.kind = ? AND a.model = ? AND a.superseded_at IS NULL "
				+ "RETURNING a.id, a.contribution_id")
			.params(question.name(), k, model.strip())
			.query((rs, n) -> earlier.put(rs.getLong(2), rs.getLong(1)))
			.list();
		if (values.isEmpty()) {
			return 0;
		}
		List<Long> ids = new ArrayList<>(new TreeMap<>(values).keySet());
		Long[] contributionIds = ids.toArray(Long[]::new);
		String[] labels = ids.stream().map(id -> value(k, values.get(id))).toArray(String[]::new);
		Long[] supersedes = ids.stream().map(earlier::get).toArray(Long[]::new);
		// One statement for the whole question: thousands of answers are labelled at once.
		return jdbc.sql("INSERT INTO annotations (contribution_id, kind, value, action, model, model_version, supersedes) "
				+ "SELECT u.contribution_id, ?, u.value, 'assigned', ?, ?, u.supersedes "
				+ "FROM unnest(?::bigint[], ?::text[], ?::bigint[]) WITH ORDINALITY AS u(contribution_id, value, supersedes, n) "
				+ "JOIN contributions c ON c.id = u.contribution_id AND c.question_id = ? ORDER BY u.n")
			.params(k, model.strip(), modelVersion.strip(), contributionIds, labels, supersedes, question.name())
			.update();
	}

	@Override
	@Transactional
	public Annotation assignByOrganiser(long contributionId, String kind, String value, String organiser) {
		String k = kind(kind);
		Annotation added = insert(contributionId, k, value(k, value), "assigned", null, null, organiser, null);
		audit.record(organiser, "annotation.assigned", String.valueOf(contributionId),
				Map.of("annotationId", added.id(), "kind", k, "value", added.value()));
		return added;
	}

	@Override
	@Transactional
	public Annotation confirm(long annotationId, String organiser) {
		Annotation current = currentOne(annotationId);
		return successor(current, current.value(), "confirmed", organiser);
	}

	@Override
	@Transactional
	public Annotation correct(long annotationId, String value, String organiser) {
		Annotation current = currentOne(annotationId);
		return successor(current, value(current.kind(), value), "corrected", organiser);
	}

	@Override
	@Transactional
	public Annotation remove(long annotationId, String organiser) {
		Annotation current = currentOne(annotationId);
		return successor(current, current.value(), "removed", organiser);
	}

	@Override
	public List<Annotation> current(long contributionId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM annotations WHERE contribution_id = ? AND superseded_at IS NULL "
				+ "AND action <> 'removed' ORDER BY kind, id")
			.param(contributionId)
			.query(JdbcAnnotations::map)
			.list();
	}

	@Override
	public List<String> valuesInUse(String kind) {
		return jdbc.sql("SELECT DISTINCT value FROM annotations WHERE kind = ? AND superseded_at IS NULL "
				+ "AND action <> 'removed' ORDER BY value LIMIT 1000")
			.param(kind)
			.query(String.class)
			.list();
	}

	@Override
	public List<AnswerToLabel> unlabelled(String model, String modelVersion, int limit) {
		return jdbc.sql("""
				SELECT c.id, c.question_id, c.choice, c.text, c.language FROM contributions c
				WHERE c.superseded_at IS NULL AND c.text IS NOT NULL AND length(c.text) > 0
				  AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.contribution_id = c.id
				                  AND a.model = ? AND a.model_version = ?)
				ORDER BY c.id LIMIT ?
				""")
			.params(model, modelVersion, limit)
			.query((rs, n) -> new AnswerToLabel(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	@Override
	public List<Annotation> history(long contributionId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM annotations WHERE contribution_id = ? ORDER BY id")
			.param(contributionId)
			.query(JdbcAnnotations::map)
			.list();
	}

	private Annotation currentOne(long annotationId) {
		Annotation annotation = jdbc.sql("SELECT " + COLUMNS + " FROM annotations WHERE id = ?")
			.param(annotationId)
			.query(JdbcAnnotations::map)
			.optional()
			.orElseThrow(() -> new NotFound("There is no annotation " + annotationId));
		if (annotation.supersededAt() != null) {
			throw new InvalidRequest("Annotation " + annotationId + " has been changed since; work on the newest one");
		}
		if ("removed".equals(annotation.action())) {
			throw new InvalidRequest("Annotation " + annotationId + " was removed");
		}
		return annotation;
	}

	private Annotation successor(Annotation current, String value, String action, String organiser) {
		int superseded = jdbc.sql("UPDATE annotations SET superseded_at = now() WHERE id = ? AND superseded_at IS NULL")
			.param(current.id())
			.update();
		if (superseded == 0) {
			throw new InvalidRequest("Annotation " + current.id() + " was changed by someone else just now");
		}
		Annotation next = insert(current.contributionId(), current.kind(), value, action, null, null, organiser,
				current.id());
		audit.record(organiser, "annotation." + action, String.valueOf(current.contributionId()),
				Map.of("annotationId", next.id(), "supersedes", current.id(), "kind", current.kind(), "from",
						current.value(), "to", value));
		return next;
	}

	private Annotation insert(long contributionId, String kind, String value, String action, String model,
			String modelVersion, String organiser, Long supersedes) {
		Integer exists = jdbc.sql("SELECT count(*) FROM contributions WHERE id = ?")
			.param(contributionId)
			.query(Integer.class)
			.single();
		if (exists == 0) {
			throw new NotFound("There is no contribution " + contributionId);
		}
		try {
			return jdbc.sql("INSERT INTO annotations (contribution_id, kind, value, action, model, model_version, "
					+ "organiser, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)
				.params(contributionId, kind, value, action, model, modelVersion, organiser, supersedes)
				.query(JdbcAnnotations::map)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new InvalidRequest("This annotation was changed by someone else just now");
		}
	}

	private static String kind(String kind) {
		String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
		if (!Set.of("principle", "theme", "sentiment", "evidence").contains(k)) {
			throw new InvalidRequest("kind must be principle, theme, sentiment or evidence");
		}
		return k;
	}

	private static String value(String kind, String value) {
		if (blank(value)) {
			throw new InvalidRequest("value is required");
		}
		String v = value.strip();
		switch (kind) {
			case "principle" -> {
				v = v.toLowerCase(Locale.ROOT);
				if (!PRINCIPLES.contains(v)) {
					throw new InvalidRequest("a principle is recognition, partnership, participation or transparency");
				}
			}
			case "sentiment" -> {
				v = v.toLowerCase(Locale.ROOT);
				if (!SENTIMENTS.contains(v)) {
					throw new InvalidRequest("a sentiment is agreement, disagreement, mixed or unclear");
				}
			}
			case "evidence" -> {
				v = v.toLowerCase(Locale.ROOT);
				if (!v.equals("yes") && !v.equals("no")) {
					throw new InvalidRequest("evidence is yes or no: does the answer give an example or facts");
				}
			}
			default -> {
				if (v.length() > 200 || v.chars().anyMatch(Character::isISOControl)) {
					throw new InvalidRequest("a theme is a short label on one line, at most 200 characters");
				}
			}
		}
		return v;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static Annotation map(ResultSet rs, int row) throws SQLException {
		return new Annotation(rs.getLong("id"), rs.getLong("contribution_id"), rs.getString("kind"),
				rs.getString("value"), rs.getString("action"), rs.getString("model"), rs.getString("model_version"),
				rs.getString("organiser"), rs.getObject("supersedes", Long.class),
				JdbcContributions.instant(rs.getTimestamp("superseded_at")),
				JdbcContributions.instant(rs.getTimestamp("created_at")));
	}
}
