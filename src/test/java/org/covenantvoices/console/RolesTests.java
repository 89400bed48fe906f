package org.covenantvoices.console;

import java.util.List;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: analysts read and export; organisers also run events and imports; admins see the audit log. */
class RolesTests extends IntegrationTest {

	private static final List<String> EXPORTS = List.of("/api/export/contributions.csv",
			"/api/export/contributions.jsonl", "/api/export/consult.zip", "/api/export/flow-results.zip",
			"/api/export/summary.json", "/api/export/summary.csv");

	private static final String EVENT = "{\"kind\": \"event\", \"title\": \"Belfast event\", \"date\": \"2026-11-15\", "
			+ "\"hostOrganisation\": \"NICVA\", \"nation\": \"northern_ireland\"}";

	@Test
	void anAnalystCanExportButCannotCreateEvents() {
		String analyst = user("analyst-roles", "ANALYST");
		for (String export : EXPORTS) {
			assertThat(client.get(export, analyst, password(analyst)).status()).as(export).isEqualTo(200);
		}
		assertThat(client.get("/api/events", analyst, password(analyst)).status()).isEqualTo(200);
		assertThat(client.postAs("/api/events", analyst, password(analyst), "application/json", EVENT).status())
			.isEqualTo(403);
		assertThat(client.postAs("/api/imports?source=online_form", analyst, password(analyst), "text/csv",
				"question,text,date\nQ2,Hello,2026-11-01\n").status()).isEqualTo(403);
		assertThat(client.get("/api/audit", analyst, password(analyst)).status()).isEqualTo(403);
		assertThat(client.postAs("/api/erasures", analyst, password(analyst), "application/json",
				"{\"participantId\": \"x\"}").status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE title = 'Belfast event'").query(Long.class).single())
			.isZero();

		// Each export is in the audit log, with who asked.
		assertThat(client.asAdmin("/api/audit?actor=" + analyst + "&action=export.").json().get("total").asLong())
			.isEqualTo(EXPORTS.size());
	}

	@Test
	void anOrganiserRunsEventsAndImportsButNotPrivacy() {
		String organiser = user("organiser-roles", "ORGANISER");
		Client.Response created = client.postAs("/api/events", organiser, password(organiser), "application/json",
				EVENT);
		assertThat(created.status()).isEqualTo(201);
		assertThat(client.get("/api/audit", organiser, password(organiser)).status()).isEqualTo(403);
		assertThat(client.postAs("/api/erasures", organiser, password(organiser), "application/json",
				"{\"participantId\": \"x\"}").status()).isEqualTo(403);
		assertThat(client.get("/api/audit", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void anAnonymousRequestGets401() {
		for (String path : List.of("/api/contributions", "/api/events", "/api/audit", "/api/export/consult.zip",
				"/api/export/summary.json", "/api/contributions/1/annotations")) {
			Client.Response response = client.get(path, null, null);
			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.body()).as(path).doesNotContain("<html");
		}
		for (String path : List.of("/api/events", "/api/imports", "/api/erasures", "/api/annotations/1/confirm")) {
			assertThat(client.post(path, "application/json", "{}").status()).as(path).isEqualTo(401);
		}
	}

	@Test
	void failedSignInsAreAudited() {
		String name = "nobody-" + System.nanoTime();
		assertThat(client.get("/api/contributions", name, "guess").status()).isEqualTo(401);
		assertThat(client.asAdmin("/api/audit?action=login.failed&actor=" + name).json().get("total").asLong())
			.isEqualTo(1);
	}
}
