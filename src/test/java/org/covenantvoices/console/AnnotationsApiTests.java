package org.covenantvoices.console;

import java.time.Duration;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A model labels an answer; people confirm or correct the label, and its whole history is kept. */
class AnnotationsApiTests extends IntegrationTest {

	@Test
	void aModelsLabelIsConfirmedOrCorrectedByPeopleWithHistoryKept() {
		String analyst = user("analyst-labels", "ANALYST");
		String organiser = user("organiser-labels", "ORGANISER");
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("yes");
		phone.send("Working as equals matters most");
		long contribution = jdbc.sql("SELECT id FROM contributions WHERE participant_id = ? AND question_id = 'Q1' "
				+ "AND superseded_at IS NULL").param(participantOf(phone)).query(Long.class).single();
		// The in-process classifier labels every new answer within seconds; let it, so what follows is not a race.
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM annotations "
				+ "WHERE contribution_id = ? AND model = 'embedding-prototypes'").param(contribution).query(Long.class)
			.single() > 0);

		JsonNode principle = post(organiser, "/api/contributions/" + contribution + "/annotations",
				"{\"kind\": \"principle\", \"value\": \"recognition\", \"model\": \"gpt-4o-mini\", "
						+ "\"modelVersion\": \"2024-07-18\"}").json();
		assertThat(principle.get("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(principle.get("organiser").isNull()).isTrue();
		JsonNode sentiment = post(organiser, "/api/contributions/" + contribution + "/annotations",
				"{\"kind\": \"sentiment\", \"value\": \"Agreement\", \"model\": \"gpt-4o-mini\", "
						+ "\"modelVersion\": \"2024-07-18\"}").json();
		JsonNode theme = post(analyst, "/api/contributions/" + contribution + "/annotations",
				"{\"kind\": \"theme\", \"value\": \"equal partnership\"}").json();
		assertThat(theme.get("organiser").asString()).isEqualTo(analyst);

		JsonNode corrected = post(analyst, "/api/annotations/" + principle.get("id").asLong() + "/correct",
				"{\"value\": \"partnership\"}").json();
		assertThat(corrected.get("action").asString()).isEqualTo("corrected");
		assertThat(corrected.get("supersedes").asLong()).isEqualTo(principle.get("id").asLong());
		JsonNode confirmed = post(organiser, "/api/annotations/" + sentiment.get("id").asLong() + "/confirm", null)
			.json();
		assertThat(confirmed.get("organiser").asString()).isEqualTo(organiser);
		Client.Response stale = post(organiser, "/api/annotations/" + principle.get("id").asLong() + "/confirm",
				null);
		assertThat(stale.status()).isEqualTo(400);
		assertThat(stale.json().get("error").asString()).contains("has been changed since");
		assertThat(post(analyst, "/api/contributions/" + contribution + "/annotations",
				"{\"kind\": \"principle\", \"value\": \"kindness\"}").json().get("error").asString())
			.contains("recognition, partnership, participation or transparency");

		JsonNode current = client.get("/api/contributions/" + contribution + "/annotations", analyst,
				password(analyst)).json().get("items");
		// This test is about people's labels and the model's they confirm or correct, not the classifier's.
		assertThat(current.valueStream().filter(AnnotationsApiTests::notTheBackgroundClassifier).map(a -> a.get("kind").asString() + "=" + a.get("value").asString()))
			.containsExactlyInAnyOrder("principle=partnership", "sentiment=agreement", "theme=equal partnership");
		JsonNode history = client.get("/api/contributions/" + contribution + "/annotations?history=true", analyst,
				password(analyst)).json().get("items");
		assertThat(history.valueStream().filter(AnnotationsApiTests::notTheBackgroundClassifier).map(a -> a.get("action").asString() + " " + a.get("value").asString() + " by "
				+ (a.get("model").isNull() ? a.get("organiser").asString() : a.get("model").asString())))
			.containsExactly("assigned recognition by gpt-4o-mini", "assigned agreement by gpt-4o-mini",
					"assigned equal partnership by " + analyst, "corrected partnership by " + analyst,
					"confirmed agreement by " + organiser);

		String csv = client.get("/api/export/contributions.csv?questionId=Q1", analyst, password(analyst)).body();
		assertThat(csv.lines().filter(l -> l.contains("Working as equals matters most")))
			.singleElement()
			.asString()
			.endsWith(",partnership,equal partnership,agreement");
	}

	private static boolean notTheBackgroundClassifier(JsonNode annotation) {
		JsonNode model = annotation.get("model");
		return model == null || model.isNull() || !"embedding-prototypes".equals(model.asString());
	}

	private Client.Response post(String user, String path, String json) {
		return client.postAs(path, user, password(user), json == null ? null : "application/json", json);
	}
}
