package org.covenantvoices.participant.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** After the retention date, contact details go by themselves; before it, nothing is touched. */
class ContactRetentionTests extends IntegrationTest {

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditLog audit;

	@Test
	void contactDetailsAreDeletedOnceTheRetentionDateHasPassed() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("yes");
		phone.send("Keep the answers, lose the number");
		String participant = participantOf(phone);

		RetentionProperties closesMarch = new RetentionProperties(LocalDate.of(2027, 3, 31), Duration.ofHours(1));
		Clock march = Clock.fixed(Instant.parse("2027-03-31T12:00:00Z"), ZoneOffset.UTC);
		assertThat(new ContactRetention(jdbc, tx, audit, closesMarch, march).run()).isZero();
		assertThat(contacts(participant)).isEqualTo(1);

		Clock april = Clock.fixed(Instant.parse("2027-04-01T09:00:00Z"), ZoneOffset.UTC);
		assertThat(new ContactRetention(jdbc, tx, audit, closesMarch, april).run()).isGreaterThanOrEqualTo(1);
		assertThat(contacts(participant)).isZero();
		assertThat(jdbc.sql("SELECT address_hash IS NULL AND contact_deleted_at IS NOT NULL FROM participants "
				+ "WHERE id = ?").param(participant).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ? AND superseded_at IS NULL")
			.param(participant)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(client.asAdmin("/api/audit?action=retention.contacts_deleted").json().get("total").asLong())
			.isGreaterThanOrEqualTo(1);
		// Running again finds nothing more to do.
		assertThat(new ContactRetention(jdbc, tx, audit, closesMarch, april).run()).isZero();
	}

	private long contacts(String participant) {
		return jdbc.sql("SELECT count(*) FROM contact_addresses WHERE participant_id = ?")
			.param(participant)
			.query(Long.class)
			.single();
	}
}
