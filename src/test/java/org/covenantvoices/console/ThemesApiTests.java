package org.covenantvoices.console;

import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisers run theme analysis through the API; analysts read it. Every run is in the audit log, and a bad question
 * is a 400 with a reason.
 */
class ThemesApiTests extends IntegrationTest {

	@Test
	void organisersRunTheAnalysisAndAnalystsReadIt() {
		String organiser = user("organiser-themes", "ORGANISER");
		String analyst = user("analyst-themes", "ANALYST");
		for (String text : new String[] { "short term grants mean we cannot keep staff for long",
				"funding that lasts only a year makes planning very hard", "the money runs out before projects finish",
				"grants are too short to show what works", "one year funding means staff leave all the time",
				"we never know if the grant will come again next year" }) {
			jdbc.sql("INSERT INTO contributions (source, question_id, text, represented_count, granularity, language) "
					+ "VALUES ('online_form', 'Q6', ?, 1, 'person', 'en')").param(text).update();
		}

		var ran = client.send("POST", "/api/themes/run?question=q6&wait=true", organiser, password(organiser), null, null);
		assertThat(ran.status()).isEqualTo(200);
		JsonNode set = ran.json().get("themeSet");
		assertThat(set.get("answers").asInt()).isGreaterThanOrEqualTo(6);
		assertThat(set.get("method").asString()).isEqualTo("kmeans-ctfidf");
		assertThat(set.get("themes").size()).isGreaterThanOrEqualTo(1);

		var read = client.get("/api/themes?question=Q6", analyst, password(analyst));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("themeSet").get("themes")).isEqualTo(set.get("themes"));
		assertThat(client.send("POST", "/api/themes/run?question=Q6", analyst, password(analyst), null, null).status())
			.isEqualTo(403);

		var started = client.send("POST", "/api/themes/run?question=Q6", organiser, password(organiser), null, null);
		assertThat(started.status()).isEqualTo(202);
		assertThat(started.json().get("status").asString()).isIn("started", "already_running");

		assertThat(client.asAdmin("/api/audit?subject=Q6").json().get("items").valueStream()
			.map(item -> item.get("action").asString() + " by " + item.get("actor").asString()))
			.contains("themes.analysed by organiser-themes");
	}

	@Test
	void aQuestionThatDoesNotExistIsRefusedWithAReason() {
		var response = client.get("/api/themes?question=Q9", "admin", ADMIN_PASSWORD);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("question must be Q1 to Q6").doesNotContain("Exception");
		assertThat(client.send("POST", "/api/themes/run", "admin", ADMIN_PASSWORD, null, null).status()).isEqualTo(400);
	}
}
