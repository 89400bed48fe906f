package org.covenantvoices.record.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.ContributionPage;
import org.covenantvoices.record.Contributions;
import org.covenantvoices.record.NewContribution;
import org.covenantvoices.record.QuestionId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcContributions implements Contributions {

	static final String[] CSV_COLUMNS = { "id", "participantId", "source", "questionId", "choice", "text", "language",
			"answeringAs", "groupSize", "organisationType", "nation", "area", "representedCount", "eventCode",
			"scriptVersion", "version", "supersedes", "supersededAt", "createdAt" };

	private static final String COLUMNS = "id, participant_id, source, question_id, choice, text, language, "
			+ "answering_as, group_size, organisation_type, nation, area, represented_count, event_code, "
			+ "script_version, version, supersedes, superseded_at, created_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	JdbcContributions(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
	}

	@Override
	@Transactional
	public Contribution add(NewContribution c) {
		Long supersedes = null;
		int version = 1;
		if (c.participantId() != null) {
			Optional<long[]> previous = jdbc
				.sql("UPDATE contributions SET superseded_at = now() WHERE participant_id = ? AND question_id = ? "
						+ "AND superseded_at IS NULL RETURNING id, version")
				.params(c.participantId(), c.questionId().name())
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.optional();
			if (previous.isPresent()) {
				supersedes = previous.get()[0];
				version = (int) previous.get()[1] + 1;
			}
		}
		var answeringAs = c.answeringAs();
		return jdbc.sql("INSERT INTO contributions (participant_id, source, question_id, choice, text, language, "
				+ "answering_as, group_size, organisation_type, nation, area, represented_count, event_code, "
				+ "script_version, step_id, inbound_message_id, version, supersedes) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)
			.params(c.participantId(), c.source().code(), c.questionId().name(), c.choice(), c.text(), c.language(),
					answeringAs.kind(), answeringAs.groupSize(), answeringAs.organisationType(), c.nation(), c.area(),
					answeringAs.representedCount(), c.eventCode(), c.scriptVersion(), c.stepId(),
					c.inboundMessageId(), version, supersedes)
			.query(JdbcContributions::map)
			.single();
	}

	@Override
	public Optional<Contribution> current(String participantId, QuestionId questionId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM contributions WHERE participant_id = ? AND question_id = ? "
				+ "AND superseded_at IS NULL")
			.params(participantId, questionId.name())
			.query(JdbcContributions::map)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public ContributionPage find(ContributionFilter filter, int page, int size) {
		Where where = Where.of(filter);
		long total = jdbc.sql("SELECT count(*) FROM contributions" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		List<Object> params = new ArrayList<>(where.params());
		params.add(size);
		params.add((long) page * size);
		List<Contribution> items = jdbc
			.sql("SELECT " + COLUMNS + " FROM contributions" + where.sql() + " ORDER BY created_at, id LIMIT ? OFFSET ?")
			.params(params)
			.query(JdbcContributions::map)
			.list();
		return new ContributionPage(items, page, size, total);
	}

	@Override
	@Transactional(readOnly = true)
	public void exportCsv(ContributionFilter filter, Writer out) throws IOException {
		Where where = Where.of(filter);
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(out);
		try {
			streaming.query("SELECT " + COLUMNS + " FROM contributions" + where.sql() + " ORDER BY created_at, id",
					rs -> {
						Contribution c = map(rs, 0);
						try {
							csv.printRecord(c.id(), c.participantId(), c.source(), c.questionId(), cell(c.choice()),
									cell(c.text()), c.language(), c.answeringAs(), c.groupSize(),
									cell(c.organisationType()), cell(c.nation()), cell(c.area()), c.representedCount(),
									cell(c.eventCode()), c.scriptVersion(), c.version(), c.supersedes(),
									c.supersededAt(), c.createdAt());
						}
						catch (IOException e) {
							throw new UncheckedIOException(e);
						}
					}, where.params().toArray());
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		csv.flush();
	}

	/** Spreadsheets run cells that start like a formula; people's answers must never do that. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

	void anonymise(String participantId) {
		List<Object[]> rows = jdbc.sql("SELECT id, text FROM contributions WHERE participant_id = ?")
			.param(participantId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		for (Object[] row : rows) {
			jdbc.sql("UPDATE contributions SET participant_id = NULL, text = ?, area = NULL, anonymised_at = now() "
					+ "WHERE id = ?")
				.params(Redactor.redact((String) row[1]), row[0])
				.update();
		}
	}

	static Contribution map(ResultSet rs, int row) throws SQLException {
		Integer groupSize = rs.getObject("group_size", Integer.class);
		return new Contribution(rs.getLong("id"), rs.getString("participant_id"), rs.getString("source"),
				rs.getString("question_id"), rs.getString("choice"), rs.getString("text"), rs.getString("language"),
				rs.getString("answering_as"), groupSize, rs.getString("organisation_type"), rs.getString("nation"),
				rs.getString("area"), rs.getInt("represented_count"), rs.getString("event_code"),
				rs.getString("script_version"), rs.getInt("version"), rs.getObject("supersedes", Long.class),
				instant(rs.getTimestamp("superseded_at")), instant(rs.getTimestamp("created_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private record Where(String sql, List<Object> params) {

		static Where of(ContributionFilter f) {
			List<String> clauses = new ArrayList<>();
			List<Object> params = new ArrayList<>();
			if (!f.includeSuperseded()) {
				clauses.add("superseded_at IS NULL");
			}
			if (f.questionId() != null) {
				clauses.add("question_id = ?");
				params.add(f.questionId().name());
			}
			if (f.source() != null) {
				clauses.add("source = ?");
				params.add(f.source().code());
			}
			if (f.eventCode() != null) {
				clauses.add("upper(event_code) = upper(?)");
				params.add(f.eventCode());
			}
			if (f.from() != null) {
				clauses.add("created_at >= ?");
				params.add(Timestamp.from(f.from()));
			}
			if (f.to() != null) {
				clauses.add("created_at < ?");
				params.add(Timestamp.from(f.to()));
			}
			if (ContributionFilter.NATION_NOT_GIVEN.equals(f.nation())) {
				clauses.add("nation IS NULL");
			}
			else if (f.nation() != null) {
				clauses.add("nation = ?");
				params.add(f.nation());
			}
			return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
		}
	}
}
