package org.covenantvoices.record.internal;

import java.util.Map;

import org.covenantvoices.audit.AuditLog;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** After the retention period, only an answer's redacted wording is kept. */
class OriginalTextRetentionTests extends IntegrationTest {

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditLog audit;

	@Test
	void answersOlderThanThePolicyKeepOnlyTheirRedactedText() {
		Client.Phone old = client.phone(newNumber());
		old.startAtQuestionOne();
		old.send("no");
		old.send("Call Jo on 07700 900789 about the old hall");
		String oldParticipant = participantOf(old);
		Client.Phone recent = client.phone(newNumber());
		recent.startAtQuestionOne();
		recent.send("no");
		recent.send("Call Al on 07700 900790 about the new hall");
		String recentParticipant = participantOf(recent);
		// As if the first answer had been given long ago.
		jdbc.sql("UPDATE contributions SET given_at = '1990-01-01' WHERE participant_id = ?").param(oldParticipant)
			.update();

		int changed = new OriginalTextRetention(jdbc, tx, audit, 10_000).run();

		assertThat(changed).isGreaterThanOrEqualTo(1);
		Map<String, Object> gone = jdbc.sql("SELECT text, original_text_removed_at FROM contributions "
				+ "WHERE participant_id = ? AND question_id = 'Q1' AND superseded_at IS NULL").param(oldParticipant)
			.query().singleRow();
		assertThat((String) gone.get("text")).isEqualTo("Call Jo on [redacted] about the old hall");
		assertThat(gone.get("original_text_removed_at")).isNotNull();
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE participant_id = ? AND question_id = 'Q1' "
				+ "AND superseded_at IS NULL").param(recentParticipant).query(String.class).single())
			.contains("07700 900790");
		assertThat(new OriginalTextRetention(jdbc, tx, audit, null).run()).as("no policy, nothing changes").isZero();
	}
}
