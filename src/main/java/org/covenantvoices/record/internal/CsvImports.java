package org.covenantvoices.record.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.record.ContributionImports;
import org.covenantvoices.record.ImportOptions;
import org.covenantvoices.record.ImportProblem;
import org.covenantvoices.record.ImportRejected;
import org.covenantvoices.record.ImportReport;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a checked file into the record in one transaction. The rows are copied into a temporary table first (fast,
 * even for 50,000 rows), then set against what the record already holds: a row whose external id or content is
 * there already adds nothing; a row whose external id is there with other content becomes a new version of it.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
class CsvImports implements ContributionImports {

	/** One import at a time, across all instances: two copies of one file must not both look new. */
	private static final long IMPORT_LOCK = 0x636f76696d706f72L;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	private final ImportProperties properties;

	CsvImports(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, AuditLog audit,
			ImportProperties properties) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = tx;
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	public ImportReport importCsv(InputStream csv, ImportOptions options, String by) {
		byte[] bytes = read(csv);
		ImportFile.Result file = ImportFile.read(bytes, options.source(), this::events, Instant.now());
		if (file.problemCount() > 0) {
			String reason = file.problemCount() == 1 ? "The file has 1 problem. Nothing was imported."
					: "The file has " + file.problemCount() + " problems. Nothing was imported.";
			throw new ImportRejected(reason, file.problems(), file.problemCount());
		}
		return tx.execute(status -> {
			ImportReport report = store(file, options, by);
			if (options.dryRun()) {
				status.setRollbackOnly();
			}
			return report;
		});
	}

	private byte[] read(InputStream in) {
		long max = properties.maxFileSize().toBytes();
		try {
			byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
			if (bytes.length > max) {
				throw new ImportRejected("The file is too big: at most " + properties.maxFileSize().toMegabytes()
						+ " MB. Split it into smaller files.", List.of(new ImportProblem(0, 0, null,
								"larger than " + properties.maxFileSize().toMegabytes() + " MB")), 1);
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Map<String, ImportFile.EventFacts> events(Set<String> codes) {
		Map<String, ImportFile.EventFacts> events = new HashMap<>();
		jdbc.sql("SELECT join_code, event_date, nation FROM events WHERE join_code = ANY (?)")
			.param(codes.toArray(String[]::new))
			.query((rs, n) -> events.put(rs.getString(1), new ImportFile.EventFacts(rs.getString(1),
					rs.getObject(2, LocalDate.class), rs.getString(3))))
			.list();
		return events;
	}

	private ImportReport store(ImportFile.Result file, ImportOptions options, String by) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query().singleRow();
		jdbc.sql("""
				CREATE TEMPORARY TABLE import_rows (
				    line integer, source text, question_id text, text text, language text, organisation_type text,
				    nation text, represented_count integer, event_code text, given_at timestamptz, external_id text,
				    may_publish_anonymously boolean, may_be_contacted boolean, content_hash bytea, granularity text,
				    existing_id bigint, existing_version integer, existing_root bigint, same boolean NOT NULL DEFAULT false
				) ON COMMIT DROP""").update();
		copy(file.rows());
		// A row already in the record, by external id: the same content adds nothing, other content is a new version.
		jdbc.sql("""
				UPDATE import_rows r SET existing_id = c.id, existing_version = c.version,
				    existing_root = coalesce(c.root_id, c.id), same = (c.content_hash = r.content_hash)
				FROM contributions c
				WHERE r.external_id IS NOT NULL AND c.external_id = r.external_id AND c.source = r.source
				  AND coalesce(c.event_code, '') = coalesce(r.event_code, '') AND c.superseded_at IS NULL""").update();
		// A row without an external id whose content is in the record already, or earlier in this file.
		jdbc.sql("""
				UPDATE import_rows r SET same = true
				WHERE r.external_id IS NULL AND (
				    EXISTS (SELECT 1 FROM contributions c WHERE c.content_hash = r.content_hash
				            AND c.superseded_at IS NULL)
				    OR EXISTS (SELECT 1 FROM import_rows o WHERE o.external_id IS NULL
				               AND o.content_hash = r.content_hash AND o.line < r.line))""").update();
		Map<String, Object> counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE NOT same AND existing_id IS NULL) AS added,
				       count(*) FILTER (WHERE NOT same AND existing_id IS NOT NULL) AS updated,
				       count(*) FILTER (WHERE same) AS unchanged
				FROM import_rows""").query().singleRow();
		int added = ((Number) counts.get("added")).intValue();
		int updated = ((Number) counts.get("updated")).intValue();
		int unchanged = ((Number) counts.get("unchanged")).intValue();
		int rows = file.rows().size();

		long importId = jdbc.sql("INSERT INTO imports (file_name, file_sha256, rows_read, added, updated, unchanged, "
				+ "imported_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(options.fileName(), file.sha256(), rows, added, updated, unchanged, by)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE contributions c SET superseded_at = now() FROM import_rows r "
				+ "WHERE r.existing_id = c.id AND NOT r.same").update();
		jdbc.sql("""
				INSERT INTO contributions (participant_id, source, question_id, text, language, organisation_type,
				    nation, represented_count, event_code, given_at, external_id, may_publish_anonymously,
				    may_be_contacted, content_hash, granularity, import_id, version, supersedes, root_id)
				SELECT NULL, source, question_id, text, language, organisation_type, nation, represented_count,
				    event_code, given_at, external_id, may_publish_anonymously, may_be_contacted, content_hash,
				    granularity, ?, coalesce(existing_version, 0) + 1, existing_id, existing_root
				FROM import_rows WHERE NOT same ORDER BY line""").param(importId).update();

		Map<String, Object> details = new LinkedHashMap<>();
		details.put("importId", importId);
		details.put("fileName", options.fileName());
		details.put("sha256", file.sha256());
		details.put("rows", rows);
		details.put("added", added);
		details.put("updated", updated);
		details.put("unchanged", unchanged);
		if (!options.dryRun()) {
			audit.record(by, "import.csv", String.valueOf(importId), details);
		}
		return new ImportReport(options.dryRun() ? null : importId, rows, added, updated, unchanged, options.dryRun());
	}

	/** Streams the checked rows into the temporary table with COPY. */
	private void copy(List<ImportFile.Row> rows) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			try (PGCopyOutputStream out = new PGCopyOutputStream(pg, "COPY import_rows (line, source, question_id, "
					+ "text, language, organisation_type, nation, represented_count, event_code, given_at, "
					+ "external_id, may_publish_anonymously, may_be_contacted, content_hash, granularity) "
					+ "FROM STDIN WITH (FORMAT csv)", 1 << 16);
					Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
					CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
						.setRecordSeparator('\n')
						// Quoted values are never NULL nor COPY's end-of-data marker; unquoted empty ones are NULL.
						.setQuoteMode(QuoteMode.ALL_NON_NULL)
						.get())) {
				HexFormat hex = HexFormat.of();
				for (ImportFile.Row r : rows) {
					csv.printRecord(r.line(), r.source().code(), r.question().name(), r.text(), r.language(),
							r.organisationType(), r.nation(), r.representedCount(), r.eventCode(), r.givenAt(),
							r.externalId(), r.mayPublishAnonymously(), r.mayBeContacted(),
							"\\x" + hex.formatHex(r.contentHash()), r.granularity().code());
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not copy the import rows: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}
}
