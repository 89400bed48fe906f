package org.covenantvoices.record.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.ContributionPage;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.Granularity;
import org.covenantvoices.record.NewContribution;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcContributions implements Contributions {

	/** Every column of a contribution as the record shows it, for the table aliased {@code c}. */
	static final String COLUMNS = "c.id, c.participant_id, c.source, c.question_id, c.choice, c.text, c.language, "
			+ "c.answering_as, c.group_size, c.organisation_type, c.nation, c.area, c.represented_count, "
			+ "c.event_code, c.script_version, c.version, c.supersedes, c.superseded_at, c.created_at, "
			+ "c.granularity, c.given_at, c.may_publish_anonymously, c.may_be_contacted, c.external_id, "
			+ "c.redaction_terms";

	private final JdbcClient jdbc;

	JdbcContributions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public Contribution add(NewContribution c) {
		Long supersedes = null;
		Long root = null;
		int version = 1;
		if (c.participantId() != null) {
			Optional<long[]> previous = jdbc
				.sql("UPDATE contributions SET superseded_at = now() WHERE participant_id = ? AND question_id = ? "
						+ "AND superseded_at IS NULL RETURNING id, version, coalesce(root_id, id)")
				.params(c.participantId(), c.questionId().name())
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.optional();
			if (previous.isPresent()) {
				supersedes = previous.get()[0];
				version = (int) previous.get()[1] + 1;
				root = previous.get()[2];
			}
		}
		var answeringAs = c.answeringAs();
		return jdbc.sql("INSERT INTO contributions AS c (participant_id, source, question_id, choice, text, language, "
				+ "answering_as, group_size, organisation_type, nation, area, represented_count, event_code, "
				+ "script_version, step_id, inbound_message_id, version, supersedes, root_id, granularity, given_at, "
				+ "may_publish_anonymously, may_be_contacted) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()), ?, ?) "
				+ "RETURNING " + COLUMNS)
			.params(c.participantId(), c.source().code(), c.questionId().name(), c.choice(), c.text(), c.language(),
					answeringAs.kind(), answeringAs.groupSize(), answeringAs.organisationType(), c.nation(), c.area(),
					answeringAs.representedCount(), c.eventCode() == null ? null : JdbcEvents.canonical(c.eventCode()),
					c.scriptVersion(), c.stepId(), c.inboundMessageId(), version, supersedes, root,
					granularity(c).code(), c.givenAt() == null ? null : Timestamp.from(c.givenAt()),
					c.mayPublishAnonymously(), c.mayBeContacted())
			.query(JdbcContributions::map)
			.single();
	}

	private static Granularity granularity(NewContribution c) {
		if (c.source() == Source.ROUNDTABLE_NOTE || c.source() == Source.EVENT_MINUTES) {
			return Granularity.EVENT_NOTE;
		}
		return "group".equals(c.answeringAs().kind()) ? Granularity.GROUP : Granularity.PERSON;
	}

	@Override
	public Optional<Contribution> current(String participantId, QuestionId questionId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contributions c WHERE c.participant_id = ? AND c.question_id = ? "
				+ "AND c.superseded_at IS NULL")
			.params(participantId, questionId.name())
			.query(JdbcContributions::map)
			.optional();
	}

	@Override
	public Optional<Contribution> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contributions c WHERE c.id = ?")
			.param(id)
			.query(JdbcContributions::map)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public ContributionPage find(ContributionFilter filter, int page, int size) {
		return find(filter, List.of(), page, size);
	}

	@Override
	@Transactional(readOnly = true)
	public ContributionPage find(ContributionFilter filter, List<org.covenantvoices.record.LabelFilter> labels,
			int page, int size) {
		Where where = Where.of(filter);
		for (org.covenantvoices.record.LabelFilter label : labels) {
			where = where.and("EXISTS (SELECT 1 FROM annotations a WHERE a.contribution_id = c.id "
					+ "AND a.superseded_at IS NULL AND a.action <> 'removed' AND a.kind = ? AND a.value = ?)");
			where.params().add(label.kind());
			where.params().add(label.value());
		}
		long total = jdbc.sql("SELECT count(*) FROM contributions c" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		List<Object> params = new ArrayList<>(where.params());
		params.add(size);
		params.add((long) page * size);
		List<Contribution> items = jdbc
			.sql("SELECT " + COLUMNS + " FROM contributions c" + where.sql()
					+ " ORDER BY c.created_at, c.id LIMIT ? OFFSET ?")
			.params(params)
			.query(JdbcContributions::map)
			.list();
		return new ContributionPage(items, page, size, total);
	}

	/** FORGET or an admin's erasure: the answers stay, but only as anonymous, redacted text. */
	void anonymise(String participantId) {
		List<Object[]> rows = jdbc.sql("SELECT id, text, area, redaction_terms FROM contributions WHERE participant_id = ?")
			.param(participantId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), terms(rs) })
			.list();
		for (Object[] row : rows) {
			jdbc.sql("UPDATE contributions SET participant_id = NULL, text = ?, area = NULL, may_be_contacted = NULL, "
					+ "redaction_terms = NULL, anonymised_at = now() WHERE id = ?")
				.params(Redactor.redact((String) row[1], (String[]) row[3]), row[0])
				.update();
		}
	}

	@Override
	public Contribution redacted(Contribution contribution) {
		String[] terms = jdbc.sql("SELECT redaction_terms FROM contributions WHERE id = ?")
			.param(contribution.id())
			.query((rs, n) -> terms(rs))
			.optional()
			.orElse(null);
		return contribution.withText(Redactor.redact(contribution.text(), terms));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Contribution> redactedAnswers(QuestionId questionId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contributions c WHERE c.superseded_at IS NULL AND c.question_id = ? "
				+ "AND c.text IS NOT NULL AND length(trim(c.text)) > 0 ORDER BY c.id")
			.param(questionId.name())
			.query((rs, n) -> {
				Contribution c = map(rs, n);
				return c.withText(Redactor.redact(c.text(), terms(rs)));
			})
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Contribution> redactedAnswersAfter(long afterId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contributions c WHERE c.superseded_at IS NULL AND c.id > ? "
				+ "AND c.text IS NOT NULL AND length(trim(c.text)) > 0 ORDER BY c.id LIMIT ?")
			.params(afterId, limit)
			.query((rs, n) -> {
				Contribution c = map(rs, n);
				return c.withText(Redactor.redact(c.text(), terms(rs)));
			})
			.list();
	}

	@Override
	public void addRedactionTerms(long contributionId, java.util.Collection<String> terms) {
		if (terms.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE contributions SET redaction_terms = ARRAY(SELECT DISTINCT unnest(coalesce(redaction_terms, "
				+ "'{}') || ?::text[])) WHERE id = ?")
			.params(terms.toArray(String[]::new), contributionId)
			.update();
	}

	static String[] terms(ResultSet rs) throws SQLException {
		java.sql.Array array = rs.getArray("redaction_terms");
		return array == null ? null : (String[]) array.getArray();
	}

	static Contribution map(ResultSet rs, int row) throws SQLException {
		return new Contribution(rs.getLong("id"), rs.getString("participant_id"), rs.getString("source"),
				rs.getString("question_id"), rs.getString("choice"), rs.getString("text"), rs.getString("language"),
				rs.getString("answering_as"), rs.getObject("group_size", Integer.class),
				rs.getString("organisation_type"), rs.getString("nation"), rs.getString("area"),
				rs.getInt("represented_count"), rs.getString("event_code"), rs.getString("script_version"),
				rs.getInt("version"), rs.getObject("supersedes", Long.class), instant(rs.getTimestamp("superseded_at")),
				instant(rs.getTimestamp("created_at")), rs.getString("granularity"),
				instant(rs.getTimestamp("given_at")), rs.getObject("may_publish_anonymously", Boolean.class),
				rs.getObject("may_be_contacted", Boolean.class), rs.getString("external_id"));
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
