package org.covenantvoices.participant.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.covenantvoices.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the retention date, deletes every contact address (and the keyed hash that recognises it), in batches.
 * Any instance may run it: a PostgreSQL advisory lock lets one work at a time, and {@code SKIP LOCKED} keeps a batch
 * from waiting on a conversation that is writing to the same participant.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
class ContactRetention {

	private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

	private static final long LOCK = 0x636f7672657465L;

	private static final int BATCH = 1000;

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	private final RetentionProperties properties;

	private final Clock clock;

	@Autowired
	ContactRetention(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, RetentionProperties properties) {
		this(jdbc, tx, audit, properties, Clock.systemUTC());
	}

	ContactRetention(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, RetentionProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${covenant.privacy.first-check:1m}",
			fixedDelayString = "${covenant.privacy.check-every:1h}")
	void scheduled() {
		try {
			run();
		}
		catch (RuntimeException e) {
			log.warn("Contact retention did not run: {}", e.toString());
		}
	}

	/** @return how many contact addresses were deleted */
	int run() {
		LocalDate after = properties.deleteContactsAfter();
		if (after == null || !LocalDate.now(clock.withZone(UK)).isAfter(after)) {
			return 0;
		}
		int total = 0;
		while (true) {
			Integer deleted = tx.execute(status -> {
				Boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
				if (!Boolean.TRUE.equals(mine)) {
					return -1; // another instance is on it
				}
				int count = jdbc.sql("""
						WITH due AS (
						    SELECT p.id FROM participants p
						    WHERE p.address_hash IS NOT NULL OR EXISTS (SELECT 1 FROM contact_addresses c WHERE c.participant_id = p.id)
						    LIMIT ? FOR UPDATE SKIP LOCKED
						), gone AS (
						    DELETE FROM contact_addresses c USING due WHERE c.participant_id = due.id
						)
						UPDATE participants p SET address_hash = NULL, contact_deleted_at = now(), updated_at = now()
						FROM due WHERE p.id = due.id""").param(BATCH).update();
				if (count > 0) {
					audit.record("system", "retention.contacts_deleted", null,
							Map.of("participants", count, "deleteContactsAfter", after.toString()));
				}
				return count;
			});
			if (deleted == null || deleted <= 0) {
				break;
			}
			total += deleted;
		}
		if (total > 0) {
			log.info("Retention date {} has passed: deleted the contact details of {} participants", after, total);
		}
		return total;
	}
}
