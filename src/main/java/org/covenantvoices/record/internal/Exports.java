package org.covenantvoices.record.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.covenantvoices.record.Contribution;
import org.covenantvoices.record.ContributionFilter;
import org.covenantvoices.record.QuestionId;
import org.covenantvoices.record.RecordExports;
import org.covenantvoices.record.SummaryRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every export reads through a database cursor, a thousand rows at a time, and writes each row out as it comes, so
 * memory stays flat however large the record grows. Free text goes through {@link Redactor} on the way out.
 */
@Service
class Exports implements RecordExports {

	static final String[] CSV_COLUMNS = { "id", "participantId", "source", "questionId", "choice", "text", "language",
			"answeringAs", "groupSize", "organisationType", "nation", "area", "representedCount", "eventCode",
			"scriptVersion", "version", "supersedes", "supersededAt", "createdAt", "granularity", "givenAt",
			"mayPublishAnonymously", "mayBeContacted", "externalId", "principles", "themes", "sentiment" };

	static final String[] SUMMARY_COLUMNS = { "questionId", "source", "nation", "eventCode", "eventTitle",
			"contributions", "peopleRepresented" };

	/** The closed part of Q1, as Consult and Flow Results show it. */
	static final Map<String, String> Q1_OPTIONS = new LinkedHashMap<>();

	static {
		Q1_OPTIONS.put("yes", "Yes");
		Q1_OPTIONS.put("no", "No");
		Q1_OPTIONS.put("not_sure", "Not sure");
	}

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Current labels per kind, joined with "; ": one look-up per row for all three. */
	private static final String LABELS = " LEFT JOIN LATERAL (SELECT "
			+ "string_agg(DISTINCT a.value, '; ' ORDER BY a.value) FILTER (WHERE a.kind = 'principle') AS principles, "
			+ "string_agg(DISTINCT a.value, '; ' ORDER BY a.value) FILTER (WHERE a.kind = 'theme') AS themes, "
			+ "string_agg(DISTINCT a.value, '; ' ORDER BY a.value) FILTER (WHERE a.kind = 'sentiment') AS sentiment "
			+ "FROM annotations a WHERE a.contribution_id = c.id AND a.superseded_at IS NULL "
			+ "AND a.action <> 'removed') labels ON true";

	private static final String ANNOTATIONS_JSON = "(SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, "
			+ "'value', a.value, 'action', a.action, 'model', a.model, 'modelVersion', a.model_version, "
			+ "'organiser', a.organiser, 'at', a.created_at) ORDER BY a.kind, a.id) FROM annotations a "
			+ "WHERE a.contribution_id = c.id AND a.superseded_at IS NULL AND a.action <> 'removed')::text";

	/**
	 * Consult's themefinder_id: a person's first contribution id, or for an answer with no person behind it (an
	 * event note, or an answer whose author was erased) the first version's id. Both never change, so the same
	 * respondent gets the same number in every export, and no two respondents share one.
	 */
	private static final String THEMEFINDER = "FROM contributions c LEFT JOIN (SELECT participant_id, min(id) AS "
			+ "first_id FROM contributions WHERE participant_id IS NOT NULL GROUP BY participant_id) p "
			+ "ON p.participant_id = c.participant_id";

	private static final String THEMEFINDER_ID = "coalesce(p.first_id, c.root_id, c.id)";

	private final JdbcTemplate streaming;

	private final JdbcClient jdbc;

	Exports(DataSource dataSource, JdbcClient jdbc) {
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public void csv(ContributionFilter filter, Writer out) throws IOException {
		Where where = Where.of(filter);
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(out);
		stream("SELECT " + JdbcContributions.COLUMNS + ", labels.principles, labels.themes, labels.sentiment "
				+ "FROM contributions c" + LABELS + where.sql() + " ORDER BY c.created_at, c.id", where, rs -> {
					Contribution c = JdbcContributions.map(rs, 0);
					csv.printRecord(c.id(), c.participantId(), c.source(), c.questionId(), cell(c.choice()),
							cell(Redactor.redact(c.text(), JdbcContributions.terms(rs))), c.language(), c.answeringAs(), c.groupSize(),
							cell(c.organisationType()), cell(c.nation()), cell(Redactor.redact(c.area())),
							c.representedCount(), cell(c.eventCode()), c.scriptVersion(), c.version(),
							c.supersedes(), c.supersededAt(), c.createdAt(), c.granularity(), c.givenAt(),
							c.mayPublishAnonymously(), c.mayBeContacted(), cell(c.externalId()),
							rs.getString("principles"), cell(rs.getString("themes")), rs.getString("sentiment"));
				});
		csv.flush();
	}

	@Override
	@Transactional(readOnly = true)
	public void jsonLines(ContributionFilter filter, OutputStream out) throws IOException {
		Where where = Where.of(filter);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		stream("SELECT " + JdbcContributions.COLUMNS + ", " + ANNOTATIONS_JSON + " AS annotations "
				+ "FROM contributions c" + where.sql() + " ORDER BY c.created_at, c.id", where, rs -> {
					Contribution c = JdbcContributions.map(rs, 0);
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("id", c.id());
					line.put("participantId", c.participantId());
					line.put("source", c.source());
					line.put("questionId", c.questionId());
					line.put("choice", c.choice());
					line.put("text", Redactor.redact(c.text(), JdbcContributions.terms(rs)));
					line.put("language", c.language());
					line.put("answeringAs", c.answeringAs());
					line.put("groupSize", c.groupSize());
					line.put("organisationType", c.organisationType());
					line.put("nation", c.nation());
					line.put("area", Redactor.redact(c.area()));
					line.put("representedCount", c.representedCount());
					line.put("eventCode", c.eventCode());
					line.put("scriptVersion", c.scriptVersion());
					line.put("version", c.version());
					line.put("supersedes", c.supersedes());
					line.put("supersededAt", text(c.supersededAt()));
					line.put("createdAt", text(c.createdAt()));
					line.put("granularity", c.granularity());
					line.put("givenAt", text(c.givenAt()));
					line.put("mayPublishAnonymously", c.mayPublishAnonymously());
					line.put("mayBeContacted", c.mayBeContacted());
					line.put("externalId", c.externalId());
					String annotations = rs.getString("annotations");
					line.put("annotations", annotations == null ? List.of() : json.readTree(annotations));
					writer.write(json.writeValueAsString(line));
					writer.write('\n');
				});
		writer.flush();
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void consultZip(ContributionFilter filter, OutputStream out) throws IOException {
		Where where = Where.of(filter, false);
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);

		zip.putNextEntry(new ZipEntry("respondents.jsonl"));
		stream("SELECT DISTINCT ON (tf_id) * FROM (SELECT " + THEMEFINDER_ID + " AS tf_id, c.id, c.participant_id, "
				+ "coalesce(c.root_id, c.id) AS root, c.source, c.answering_as, c.organisation_type, c.nation, "
				+ "c.area, c.represented_count, c.event_code, c.granularity, c.language " + THEMEFINDER + where.sql()
				+ ") r ORDER BY tf_id, id DESC", where, rs -> {
					Map<String, Object> demographics = new LinkedHashMap<>();
					demographics.put("source", rs.getString("source"));
					demographics.put("granularity", rs.getString("granularity"));
					demographics.put("represented_count", rs.getInt("represented_count"));
					putIfSet(demographics, "answering_as", rs.getString("answering_as"));
					putIfSet(demographics, "organisation_type", rs.getString("organisation_type"));
					putIfSet(demographics, "nation", rs.getString("nation"));
					putIfSet(demographics, "area", Redactor.redact(rs.getString("area")));
					putIfSet(demographics, "event_code", rs.getString("event_code"));
					demographics.put("language", rs.getString("language"));
					Map<String, Object> respondent = new LinkedHashMap<>();
					respondent.put("themefinder_id", rs.getLong("tf_id"));
					respondent.put("supplied_respondent_id", respondentId(rs));
					respondent.put("demographics", demographics);
					writer.write(json.writeValueAsString(respondent));
					writer.write('\n');
				});
		writer.flush();
		zip.closeEntry();

		List<QuestionId> answered = jdbc.sql("SELECT DISTINCT c.question_id FROM contributions c" + where.sql())
			.params(where.params())
			.query((rs, n) -> QuestionId.valueOf(rs.getString(1)))
			.list();
		for (QuestionId question : QuestionId.values()) {
			if (!answered.contains(question)) {
				continue;
			}
			String folder = "question_part_" + (question.ordinal() + 1) + "/";
			Map<String, Object> about = new LinkedHashMap<>();
			about.put("question_number", question.ordinal() + 1);
			about.put("question_text", question.text());
			about.put("has_free_text", true);
			if (question == QuestionId.Q1) {
				about.put("multi_choice_options", List.copyOf(Q1_OPTIONS.values()));
			}
			zip.putNextEntry(new ZipEntry(folder + "question.json"));
			writer.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(about));
			writer.write('\n');
			writer.flush();
			zip.closeEntry();

			zip.putNextEntry(new ZipEntry(folder + "responses.jsonl"));
			Where part = where.and("c.question_id = '" + question.name() + "'");
			stream("SELECT " + THEMEFINDER_ID + " AS tf_id, c.choice, c.text, c.redaction_terms " + THEMEFINDER
					+ part.sql()
					+ " ORDER BY tf_id", part, rs -> {
						Map<String, Object> response = new LinkedHashMap<>();
						response.put("themefinder_id", rs.getLong("tf_id"));
						String text = rs.getString("text");
						if (text != null) {
							response.put("text", Redactor.redact(text, JdbcContributions.terms(rs)));
						}
						String choice = rs.getString("choice");
						if (choice != null) {
							response.put("options", List.of(Q1_OPTIONS.getOrDefault(choice, choice)));
						}
						writer.write(json.writeValueAsString(response));
						writer.write('\n');
					});
			writer.flush();
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
	}

	@Override
	@Transactional(readOnly = true)
	public void flowResultsZip(ContributionFilter filter, OutputStream out) throws IOException {
		Where where = Where.of(filter, false);
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
		String now = rfc3339(Instant.now());

		zip.putNextEntry(new ZipEntry("datapackage.json"));
		writer.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(FlowResults.descriptor(filter, now)));
		writer.write('\n');
		writer.flush();
		zip.closeEntry();

		zip.putNextEntry(new ZipEntry(FlowResults.DATA_PATH));
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(FlowResults.FIELDS).get().print(writer);
		stream("SELECT c.id, coalesce(c.root_id, c.id) AS root, c.participant_id, c.source, c.question_id, c.choice, "
				+ "c.text, c.redaction_terms, c.language, c.represented_count, c.event_code, c.granularity, c.given_at "
				+ "FROM contributions c" + where.sql() + " ORDER BY c.given_at, c.id", where, rs -> {
					String contact = respondentId(rs);
					String timestamp = rfc3339(rs.getTimestamp("given_at").toInstant());
					String question = rs.getString("question_id");
					Map<String, Object> metadata = new LinkedHashMap<>();
					metadata.put("language", "cy".equals(rs.getString("language")) ? "cym" : "eng");
					metadata.put("source", rs.getString("source"));
					metadata.put("granularity", rs.getString("granularity"));
					metadata.put("represented_count", rs.getInt("represented_count"));
					metadata.put("event_code", rs.getString("event_code"));
					String choice = rs.getString("choice");
					if (choice != null) {
						csv.printRecord(timestamp, rs.getLong("id") + "-choice", contact, question, choice,
								json.writeValueAsString(metadata));
					}
					String text = rs.getString("text");
					if (text != null) {
						csv.printRecord(timestamp, String.valueOf(rs.getLong("id")), contact,
								FlowResults.textQuestion(question), cell(Redactor.redact(text, JdbcContributions.terms(rs))),
								json.writeValueAsString(metadata));
					}
				});
		csv.flush();
		zip.closeEntry();
		zip.finish();
		zip.flush();
	}

	@Override
	@Transactional(readOnly = true)
	public List<SummaryRow> summary(ContributionFilter filter) {
		Where where = Where.of(filter);
		return jdbc.sql("SELECT c.question_id, c.source, c.nation, c.event_code, e.title, count(*) AS contributions, "
				+ "sum(c.represented_count) AS people FROM contributions c "
				+ "LEFT JOIN events e ON e.join_code = c.event_code" + where.sql()
				+ " GROUP BY c.question_id, c.source, c.nation, c.event_code, e.title "
				+ "ORDER BY c.event_code NULLS FIRST, c.question_id, c.source, c.nation NULLS LAST")
			.params(where.params())
			.query((rs, n) -> new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	@Override
	public void summaryCsv(ContributionFilter filter, Writer out) throws IOException {
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(SUMMARY_COLUMNS).get().print(out);
		for (SummaryRow row : summary(filter)) {
			csv.printRecord(row.questionId(), row.source(), row.nation(), cell(row.eventCode()),
					cell(row.eventTitle()), row.contributions(), row.peopleRepresented());
		}
		csv.flush();
	}

	/** Our pseudonymous id for the respondent; for an answer with no person behind it, one made from its first version. */
	private static String respondentId(ResultSet rs) throws SQLException {
		String participant = rs.getString("participant_id");
		return participant != null ? participant : "contribution-" + rs.getLong("root");
	}

	private interface RowWriter {

		void write(ResultSet rs) throws SQLException, IOException;
	}

	private void stream(String sql, Where where, RowWriter row) throws IOException {
		try {
			streaming.query(sql, (RowCallbackHandler) rs -> {
				try {
					row.write(rs);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}, where.params().toArray());
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	/** RFC 3339 with an explicit +00:00 offset, as Flow Results asks. */
	static String rfc3339(Instant instant) {
		return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").format(instant.atOffset(ZoneOffset.UTC));
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

	/** The Flow Results descriptor. */
	static final class FlowResults {

		static final String DATA_PATH = "responses.csv";

		static final String[] FIELDS = { "timestamp", "row_id", "contact_id", "question_id", "response",
				"response_metadata" };

		private FlowResults() {
		}

		/** The open part of a question: Q1 has a closed part first, so its words are Q1_why. */
		static String textQuestion(String questionId) {
			return "Q1".equals(questionId) ? "Q1_why" : questionId;
		}

		static Map<String, Object> descriptor(ContributionFilter filter, String now) {
			Map<String, Object> questions = new LinkedHashMap<>();
			for (QuestionId q : QuestionId.values()) {
				if (q == QuestionId.Q1) {
					questions.put("Q1", question("select_one", q.text(),
							Map.of("choices", List.copyOf(Q1_OPTIONS.keySet()))));
					questions.put("Q1_why", question("text", "Why? Is anything missing?", Map.of()));
				}
				else {
					questions.put(q.name(), question("text", q.text(), Map.of()));
				}
			}
			List<Map<String, Object>> fields = new ArrayList<>();
			String[][] types = { { "timestamp", "Timestamp", "datetime" }, { "row_id", "Row ID", "string" },
					{ "contact_id", "Contact ID", "string" }, { "question_id", "Question ID", "string" },
					{ "response", "Response", "any" }, { "response_metadata", "Response Metadata", "object" } };
			for (String[] t : types) {
				fields.add(Map.of("name", t[0], "title", t[1], "type", t[2]));
			}
			Map<String, Object> schema = new LinkedHashMap<>();
			schema.put("language", "eng");
			schema.put("fields", fields);
			schema.put("questions", questions);
			Map<String, Object> resource = new LinkedHashMap<>();
			resource.put("name", "covenant-voices-responses");
			resource.put("path", DATA_PATH);
			resource.put("mediatype", "text/csv");
			resource.put("encoding", "utf-8");
			resource.put("schema", schema);
			Map<String, Object> descriptor = new LinkedHashMap<>();
			descriptor.put("profile", "flow-results-package");
			descriptor.put("flow_results_specification_version", "1.0.0-rc1");
			descriptor.put("name", "covenant-voices");
			descriptor.put("title", "Civil Society Covenant engagement: Covenant Voices");
			descriptor.put("id", packageId(filter).toString());
			descriptor.put("created", now);
			descriptor.put("modified", now);
			descriptor.put("resources", List.of(resource));
			return descriptor;
		}

		/** A version 4 UUID that stays the same for the same filter, so re-exports are versions of one package. */
		static UUID packageId(ContributionFilter filter) {
			byte[] hash = ImportFile.sha256(("covenant-voices/flow-results/" + filter.questionId() + "/"
					+ filter.source() + "/" + filter.eventCode() + "/" + filter.from() + "/" + filter.to())
				.getBytes(StandardCharsets.UTF_8));
			hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
			hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
			long msb = 0;
			long lsb = 0;
			for (int i = 0; i < 8; i++) {
				msb = (msb << 8) | (hash[i] & 0xff);
				lsb = (lsb << 8) | (hash[i + 8] & 0xff);
			}
			return new UUID(msb, lsb);
		}

		private static Map<String, Object> question(String type, String label, Map<String, Object> options) {
			Map<String, Object> q = new LinkedHashMap<>();
			q.put("type", type);
			q.put("label", label);
			q.put("type_options", options);
			return q;
		}
	}
}
