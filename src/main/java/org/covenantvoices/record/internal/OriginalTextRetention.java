package org.covenantvoices.record.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.covenantvoices.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the original wording of answers only as long as the retention policy allows ({@code ORIGINAL_TEXT_DAYS});
 * after that the text is replaced by its redacted form, the one exports and analysts already read. Runs on one
 * instance at a time, in batches.
 */
@Component
class OriginalTextRetention {

	private static final Logger log = LoggerFactory.getLogger(OriginalTextRetention.class);

	private static final long LOCK = 0x6f726967696e616cL; // "original"

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	private final Integer days;

	private final Clock clock;

	@Autowired
	OriginalTextRetention(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit,
			@Value("${covenant.privacy.original-text-days:}") Integer days) {
		this(jdbc, tx, audit, days, Clock.systemUTC());
	}

	OriginalTextRetention(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, Integer days, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.days = days;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${covenant.privacy.first-check:1m}",
			fixedDelayString = "${covenant.privacy.check-every:1h}")
	void scheduled() {
		try {
			run();
		}
		catch (RuntimeException e) {
			log.warn("Original-text retention did not run: {}", e.toString());
		}
	}

	/** @return how many answers now keep only their redacted text */
	int run() {
		if (days == null || days < 0) {
			return 0;
		}
		Instant cutoff = clock.instant().minus(Duration.ofDays(days));
		int total = 0;
		while (true) {
			Integer done = tx.execute(status -> {
				if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK)
					.query(Boolean.class).single())) {
					return -1;
				}
				List<Object[]> rows = jdbc.sql("SELECT id, text, redaction_terms FROM contributions "
						+ "WHERE original_text_removed_at IS NULL AND text IS NOT NULL AND given_at < ? "
						+ "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
					.params(Timestamp.from(cutoff), BATCH)
					.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), JdbcContributions.terms(rs) })
					.list();
				for (Object[] row : rows) {
					jdbc.sql("UPDATE contributions SET text = ?, redaction_terms = NULL, original_text_removed_at = now() "
							+ "WHERE id = ?")
						.params(Redactor.redact((String) row[1], (String[]) row[2]), row[0])
						.update();
				}
				if (!rows.isEmpty()) {
					audit.record("system", "retention.original_text_removed", null,
							Map.of("answers", rows.size(), "originalTextDays", days));
				}
				return rows.size();
			});
			if (done == null || done <= 0) {
				return total;
			}
			total += done;
		}
	}
}
