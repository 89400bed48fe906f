package org.covenantvoices.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.covenantvoices.platform.RedisKeys;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.UnifiedJedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing a person said is lost when the service restarts, crashes, or Redis loses or mangles its copy. */
class RestartTests extends IntegrationTest {

	@Autowired
	UnifiedJedis redis;

	@Autowired
	RedisKeys keys;

	@Test
	void theServiceRestartsMidConversationAndThePersonCarriesOn() {
		String number = newNumber();
		String participant;
		try (Instance first = Instance.start()) {
			Client.Phone phone = first.client.phone(number);
			phone.send("Hi");
			phone.send("yes");
			phone.send("3");
			phone.send("2");
			phone.send("England");
			phone.send("Bristol");
			phone.send("yes");
			phone.send("Good ideas");
			assertThat(phone.last("Trust matters")).contains("Question 3 of 6");
			participant = participantOf(phone);
		}
		try (Instance second = Instance.start()) {
			Client.Phone phone = second.client.phone(number);
			List<String> replies = phone.send("hello");
			assertThat(replies.get(0)).contains("Welcome back", "question 3 of 6");
			assertThat(replies.get(1)).contains("Question 3 of 6");
			assertThat(phone.last("Too many forms")).contains("Question 4 of 6");
		}
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE participant_id = ? AND question_id = 'Q3'")
			.param(participant).query(String.class).single()).isEqualTo("Too many forms");
		assertThat(jdbc.sql("SELECT organisation_type FROM contributions WHERE participant_id = ? AND question_id = 'Q3'")
			.param(participant).query(String.class).single()).isEqualTo("community_group");
	}

	@Test
	void aMessageStoredButNeverProcessedIsHandledAfterARestart() throws Exception {
		String number = newNumber();
		Client.Phone phone = client.phone(number);
		phone.startAtQuestionOne();
		phone.send("yes");
		assertThat(phone.last("Fair enough")).contains("Question 2 of 6");
		String participant = participantOf(phone);

		// Stored durably (as a webhook would before acknowledging), then the instance dies before processing it.
		try (Instance doomed = Instance.start("covenant.conversation.recovery-interval=1h")) {
			doomed.bean(Conversations.class)
				.receive(new InboundMessage("simulator", number, UUID.randomUUID().toString(),
						"Shared training days", Instant.now()));
		}
		assertThat(unprocessed(participant)).isEqualTo(1);

		try (Instance recovering = Instance.start("covenant.conversation.recover-after=0s",
				"covenant.conversation.recovery-interval=200ms")) {
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (unprocessed(participant) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(unprocessed(participant)).isZero();
			// The reply queued while nobody was waiting reaches the person with their next message.
			List<String> replies = recovering.client.phone(number).send("repeat");
			assertThat(replies).hasSize(2);
			assertThat(replies.get(0)).contains("Question 3 of 6");
			assertThat(replies.get(1)).contains("Question 3 of 6");
		}
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE participant_id = ? AND question_id = 'Q2'")
			.param(participant).query(String.class).single()).isEqualTo("Shared training days");
	}

	@Test
	void aSessionLostFromRedisIsRebuiltFromTheDurableCopy() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("yes");
		phone.send("skip");
		phone.send("skip");
		phone.send("skip");
		phone.send("no");
		assertThat(phone.last("Something about trust")).contains("Question 2 of 6");
		String participant = participantOf(phone);

		redis.del(keys.participant(participant, "s"));
		assertThat(phone.last("Joint planning")).contains("Question 3 of 6");
		assertThat(redis.exists(keys.participant(participant, "s"))).isTrue();
	}

	@Test
	void aStaleRedisCopyLeftByACrashNeverOverwritesALaterAnswer() {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("yes");
		phone.send("skip");
		phone.send("skip");
		phone.send("skip");
		phone.send("yes");
		assertThat(phone.last("Clear enough")).contains("Question 2 of 6");
		String participant = participantOf(phone);
		String key = keys.participant(participant, "s");
		String atQuestionTwo = redis.get(key);

		assertThat(phone.last("Proper listening")).contains("Question 3 of 6");
		// As if the service crashed after committing the answer but before updating Redis.
		redis.set(key, atQuestionTwo);

		assertThat(phone.last("Short deadlines")).contains("Question 4 of 6");
		assertThat(jdbc.sql("SELECT question_id || '=' || text FROM contributions WHERE participant_id = ? "
				+ "AND superseded_at IS NULL AND question_id IN ('Q2', 'Q3') ORDER BY question_id")
			.param(participant).query(String.class).list())
			.containsExactly("Q2=Proper listening", "Q3=Short deadlines");
	}

	private long unprocessed(String participant) {
		return jdbc.sql("SELECT count(*) FROM inbound_messages WHERE participant_id = ? AND processed_at IS NULL")
			.param(participant).query(Long.class).single();
	}
}
