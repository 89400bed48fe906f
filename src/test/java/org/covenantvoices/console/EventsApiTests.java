package org.covenantvoices.console;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisers create, edit and close events; every change is in the audit log. */
class EventsApiTests extends IntegrationTest {

	private String organiser;

	@BeforeEach
	void organiser() {
		organiser = user("organiser-events", "ORGANISER");
	}

	@Test
	void anEventIsCreatedEditedClosedAndReopened() {
		Client.Response created = as("POST", "/api/events", "{\"kind\": \"Online session\", \"title\": "
				+ "\" Scotland online session \", \"date\": \"2026-12-02\", \"hostOrganisation\": \"SCVO\", "
				+ "\"nation\": \"Scotland\"}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode event = created.json();
		String code = event.get("joinCode").asString();
		assertThat(event.get("kind").asString()).isEqualTo("online_session");
		assertThat(event.get("title").asString()).isEqualTo("Scotland online session");
		assertThat(event.get("nation").asString()).isEqualTo("scotland");
		assertThat(event.get("status").asString()).isEqualTo("open");
		assertThat(event.get("createdBy").asString()).isEqualTo(organiser);

		JsonNode edited = as("PATCH", "/api/events/" + code.toLowerCase(), "{\"place\": \"Zoom\", \"date\": "
				+ "\"2026-12-03\"}").json();
		assertThat(edited.get("place").asString()).isEqualTo("Zoom");
		assertThat(edited.get("date").asString()).isEqualTo("2026-12-03");
		assertThat(edited.get("title").asString()).isEqualTo("Scotland online session");

		JsonNode closed = as("POST", "/api/events/" + code + "/close", "{\"outcomeSummary\": \"Agreed three asks\", "
				+ "\"attendeeCount\": 31, \"organisationsAttended\": [\"SCVO\", \"Glasgow CVS\", \"SCVO\"]}").json();
		assertThat(closed.get("status").asString()).isEqualTo("closed");
		assertThat(closed.get("attendeeCount").asInt()).isEqualTo(31);
		assertThat(closed.get("organisationsAttended").valueStream().map(JsonNode::asString))
			.containsExactly("SCVO", "Glasgow CVS");
		assertThat(as("POST", "/api/events/" + code + "/close", "{\"outcomeSummary\": \"x\", \"attendeeCount\": 1}")
			.json()
			.get("error")
			.asString()).contains("already closed");

		assertThat(as("POST", "/api/events/" + code + "/reopen", null).json().get("status").asString())
			.isEqualTo("open");
		assertThat(client.get("/api/events/" + code, organiser, password(organiser)).json().get("outcomeSummary")
			.asString()).isEqualTo("Agreed three asks");

		assertThat(client.asAdmin("/api/audit?subject=" + code).json().get("items").valueStream()
			.map(e -> e.get("actor").asString() + " " + e.get("action").asString()))
			.containsExactly(organiser + " event.reopened", organiser + " event.closed", organiser + " event.edited",
					organiser + " event.created");
	}

	@Test
	void badEventsGetAReason() {
		assertReason("POST", "/api/events", "{\"title\": \"x\", \"date\": \"2026-12-02\", \"hostOrganisation\": "
				+ "\"NCVO\"}", 400, "kind is required");
		assertReason("POST", "/api/events", "{\"kind\": \"party\", \"title\": \"x\", \"date\": \"2026-12-02\", "
				+ "\"hostOrganisation\": \"NCVO\"}", 400, "kind must be roundtable, event, online_session or other");
		assertReason("POST", "/api/events", "{\"kind\": \"event\", \"title\": \"x\", \"date\": \"2/12/2026\", "
				+ "\"hostOrganisation\": \"NCVO\"}", 400, "date must be a day like 2026-11-28");
		assertReason("POST", "/api/events", "{\"kind\": \"event\", \"title\": \"x\", \"date\": \"2026-12-02\"}", 400,
				"hostOrganisation is required");
		assertReason("POST", "/api/events", "{\"kind\": \"event\", \"title\": \"x\", \"date\": \"2026-12-02\", "
				+ "\"hostOrganisation\": \"NCVO\", \"nation\": \"France\"}", 400, "nation must be");
		assertReason("POST", "/api/events", "not json", 400, "not valid JSON");
		assertReason("PATCH", "/api/events/ZZZZ22", "{\"title\": \"y\"}", 404, "There is no event with the code");
		assertReason("POST", "/api/events/ZZZZ22/close", "{\"outcomeSummary\": \"y\", \"attendeeCount\": 1}", 404,
				"There is no event");
	}

	private void assertReason(String method, String path, String body, int status, String reason) {
		Client.Response response = as(method, path, body);
		assertThat(response.status()).as(path + " " + body).isEqualTo(status);
		assertThat(response.json().get("error").asString()).as(path + " " + body).contains(reason);
	}

	private Client.Response as(String method, String path, String json) {
		return client.send(method, path, organiser, password(organiser), json == null ? null : "application/json",
				json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
