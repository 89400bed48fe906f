package org.covenantvoices.conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.covenantvoices.platform.RedisKeys;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages from one person are handled strictly in order, even arriving all at once at two instances. */
class OrderingTests extends IntegrationTest {

	@Autowired
	UnifiedJedis redis;

	@Autowired
	RedisKeys keys;

	@Test
	void twentySimultaneousMessagesAcrossTwoInstancesLeaveOneConsistentSession() throws Exception {
		Client.Phone phone = client.phone(newNumber());
		phone.send("Hi");
		phone.send("yes");
		phone.send("skip");
		phone.send("skip");
		phone.send("skip");
		phone.send("no");
		assertThat(phone.last("Missing: fairness")).contains("Question 2 of 6");
		String participant = participantOf(phone);

		try (Instance second = Instance.start()) {
			Client.Phone sameNumberElsewhere = second.client.phone(phone.number());
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(20);
			List<Future<Client.Response>> sent = new ArrayList<>();
			for (int i = 1; i <= 20; i++) {
				Client.Phone via = i % 2 == 0 ? phone : sameNumberElsewhere;
				String text = "answer number " + i;
				sent.add(pool.submit(() -> {
					go.await();
					return via.sendRaw(text, UUID.randomUUID().toString());
				}));
			}
			go.countDown();
			List<String> allReplies = new ArrayList<>();
			for (Future<Client.Response> future : sent) {
				Client.Response response = future.get();
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				allReplies.addAll(Client.replies(response));
			}
			pool.shutdown();

			// Processed in arrival order: the first six messages answered Q2-Q6 and OTHER, once each.
			List<String> arrived = jdbc.sql("SELECT body FROM inbound_messages WHERE participant_id = ? "
					+ "AND body LIKE 'answer number %' ORDER BY id")
				.param(participant)
				.query(String.class)
				.list();
			assertThat(arrived).hasSize(20);
			assertThat(count("SELECT count(*) FROM inbound_messages WHERE participant_id = ? AND processed_at IS NULL",
					participant)).isZero();
			List<Map<String, Object>> answers = jdbc.sql("SELECT question_id, text FROM contributions "
					+ "WHERE participant_id = ? AND question_id <> 'Q1' ORDER BY id")
				.param(participant)
				.query()
				.listOfRows();
			assertThat(answers).extracting(row -> row.get("question_id"))
				.containsExactly("Q2", "Q3", "Q4", "Q5", "Q6", "OTHER");
			assertThat(answers).extracting(row -> row.get("text")).containsExactlyElementsOf(arrived.subList(0, 6));

			// The other fourteen each got "not understood" at the updates question, and nothing else.
			JsonNode session = Client.JSON.readTree(redis.get(keys.participant(participant, "s")));
			Map<String, Object> durable = jdbc.sql("SELECT seq, step FROM conversation_sessions WHERE participant_id = ?")
				.param(participant)
				.query()
				.singleRow();
			assertThat(durable.get("step")).isEqualTo("updates");
			assertThat(session.get("s").asString()).isEqualTo("updates");
			assertThat(session.get("n").asLong()).isEqualTo(((Number) durable.get("seq")).longValue());
			long processedForPerson = count("SELECT count(*) FROM inbound_messages WHERE participant_id = ?",
					participant);
			assertThat(session.get("n").asLong()).isEqualTo(processedForPerson);

			// Every reply was handed out exactly once.
			long queuedForTheTwenty = count("SELECT count(*) FROM outbound_messages o JOIN inbound_messages i "
					+ "ON o.in_reply_to = i.id WHERE i.participant_id = ? AND i.body LIKE 'answer number %'",
					participant);
			assertThat(allReplies).hasSize((int) queuedForTheTwenty);
			assertThat(allReplies.stream().filter(r -> r.contains("did not get that")).count()).isEqualTo(14);
			Set<String> questionsAsked = new HashSet<>();
			allReplies.stream().filter(r -> r.startsWith("Question")).forEach(questionsAsked::add);
			assertThat(questionsAsked).hasSize(4);
		}
	}

	private long count(String sql, String participant) {
		return jdbc.sql(sql).param(participant).query(Long.class).single();
	}
}
