package org.covenantvoices.channel.simulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ugly input gets a clear answer, never a stack trace and never a lost or doubled answer. */
class SimulatorInputTests extends IntegrationTest {

	private static final String ROUTE = "/api/simulator/messages";

	@Test
	void anEmptyBodyIsABadRequestWithAReason() {
		Client.Response response = client.post(ROUTE, "application/json", "");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).contains("JSON");
		assertThat(response.body()).doesNotContain("Exception", "at org.");
	}

	@Test
	void missingFieldsAreNamed() {
		Client.Response noFrom = client.post(ROUTE, "application/json", "{\"text\": \"Hi\"}");
		assertThat(noFrom.status()).isEqualTo(400);
		assertThat(noFrom.json().get("error").asString()).contains("\"from\" is required");

		Client.Response noText = client.post(ROUTE, "application/json", "{\"from\": \"+447700900999\"}");
		assertThat(noText.status()).isEqualTo(400);
		assertThat(noText.json().get("error").asString()).contains("\"text\" is required");

		Client.Response blankFrom = client.post(ROUTE, "application/json", "{\"from\": \"  \", \"text\": \"Hi\"}");
		assertThat(blankFrom.status()).isEqualTo(400);
	}

	@Test
	void brokenJsonAndWrongContentTypeAreRefusedPolitely() {
		Client.Response broken = client.post(ROUTE, "application/json", "{\"from\": ");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.body()).doesNotContain("Exception");

		Client.Response wrongShape = client.post(ROUTE, "application/json", "[1, 2, 3]");
		assertThat(wrongShape.status()).isEqualTo(400);

		Client.Response form = client.post(ROUTE, "application/x-www-form-urlencoded", "from=1&text=hi");
		assertThat(form.status()).isEqualTo(415);
		assertThat(form.json().get("error").asString()).contains("application/json");
	}

	@Test
	void fiveThousandEmojiAreTooLongButFourThousandAreKeptWhole() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("yes");

		Client.Response tooLong = phone.sendRaw("😀".repeat(5000), UUID.randomUUID().toString());
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("error").asString()).contains("too long");

		String answer = "🙂🏳️‍🌈 Cymraeg: ŵ ŷ â ".repeat(150).strip();
		assertThat(phone.last(answer)).contains("Question 2 of 6");
		String participant = participantOf(phone);
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE participant_id = ? AND question_id = 'Q1' "
				+ "AND superseded_at IS NULL").param(participant).query(String.class).single()).isEqualTo(answer);
	}

	@Test
	void controlCharactersAndBrokenEmojiAreCleanedNotFatal() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("no");
		String body = "{\"from\": \"" + phone.number() + "\", \"text\": \"Less\\u0000 red\\u0007 tape \\ud83d\"}";
		Client.Response response = client.post(ROUTE, "application/json", body);
		assertThat(response.status()).isEqualTo(200);
		assertThat(Client.replies(response).get(0)).contains("Question 2 of 6");
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE question_id = 'Q1' AND text LIKE 'Less%tape'")
			.query(String.class).list()).contains("Less red tape");
	}

	@Test
	void anEmptyTextIsAnsweredKindly() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("no");
		assertThat(phone.send("   ").get(0)).contains("empty");
	}

	@Test
	void aDuplicateDeliveryHasNoSecondEffect() {
		Client.Phone phone = client.phone(newNumber());
		phone.startAtQuestionOne();
		phone.send("no");
		String id = UUID.randomUUID().toString();
		Client.Response first = phone.sendRaw("Trust each other", id);
		Client.Response again = phone.sendRaw("Trust each other", id);
		assertThat(first.status()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(200);
		assertThat(Client.replies(first)).singleElement().asString().contains("Question 2 of 6");
		assertThat(Client.replies(again)).isEmpty();
		String participant = participantOf(phone);
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ? AND question_id = 'Q1'")
			.param(participant).query(Long.class).single()).isEqualTo(2); // the quick answer and the why
		assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages WHERE provider_message_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(phone.last("repeat")).contains("Question 2 of 6");
	}

	@Test
	void withRedisDownTheAnswerIs503AndNothingIsKeptHalfway() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (Instance broken = Instance.start("covenant.redis.url=redis://127.0.0.1:" + closedPort)) {
			Client.Phone phone = broken.client.phone(newNumber());
			String id = UUID.randomUUID().toString();
			Client.Response response = phone.sendRaw("Hi", id);
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.json().get("error").asString()).contains("try again");
			assertThat(response.body()).doesNotContain("Exception");
			assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages WHERE provider_message_id = ?").param(id)
				.query(Long.class).single()).isZero();

			Client.Response health = broken.client.get("/actuator/health", null, null);
			assertThat(health.status()).isEqualTo(503);
		}
		// The same message, retried once Redis is back, works as if for the first time.
		Client.Phone phone = client.phone(newNumber());
		List<String> replies = phone.send("Hi");
		assertThat(replies.get(0)).contains("Covenant Voices");
	}
}
