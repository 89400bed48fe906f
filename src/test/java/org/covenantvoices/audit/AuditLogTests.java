package org.covenantvoices.audit;

import java.util.Map;

import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log can be added to and read by admins; nobody can change or remove what it says. */
class AuditLogTests extends IntegrationTest {

	@Autowired
	AuditLog audit;

	@Test
	void entriesCanBeAddedAndReadButNeverChangedOrRemoved() {
		audit.record("tester", "test.recorded", "subject-1", Map.of("why", "to check the log"));
		JsonNode page = client.asAdmin("/api/audit?actor=tester&action=test.").json();
		assertThat(page.get("total").asLong()).isEqualTo(1);
		JsonNode entry = page.get("items").get(0);
		assertThat(entry.get("action").asString()).isEqualTo("test.recorded");
		assertThat(entry.get("subject").asString()).isEqualTo("subject-1");
		assertThat(entry.get("details").get("why").asString()).isEqualTo("to check the log");
		assertThat(entry.get("at").asString()).isNotBlank();

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE actor = 'tester'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE actor = 'tester'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(client.asAdmin("/api/audit?actor=tester").json().get("total").asLong()).isEqualTo(1);
	}
}
