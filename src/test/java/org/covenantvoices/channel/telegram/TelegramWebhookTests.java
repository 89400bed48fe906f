package org.covenantvoices.channel.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.TelegramFake;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Telegram's webhook, as a volunteer's chat (or a group's) uses it: typed answers and buttons. */
class TelegramWebhookTests extends ChannelTest {

	static final String PATH = "/webhooks/telegram";

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final AtomicInteger updateIds = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000, 900_000_000));

	@Test
	void aWholeConversationWithButtonsAndTypedAnswers() {
		Chat chat = new Chat(newChatId(), "private");
		List<JsonNode> welcome = chat.type("/start", "Reply YES");
		assertThat(welcome).hasSize(2);
		assertThat(welcome.get(0).get("text").asString()).contains("Covenant Voices");

		JsonNode question = chat.type("yes", "Are you answering for").get(0);
		JsonNode keyboard = question.get("reply_markup").get("inline_keyboard");
		List<String> labels = new ArrayList<>();
		keyboard.forEach(row -> row.forEach(button -> {
			labels.add(button.get("text").asString());
			assertThat(button.get("callback_data").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.hasSizeLessThanOrEqualTo(64);
		}));
		assertThat(labels).containsExactly("Just me", "A group", "An organisation");

		String callbackId = chat.press("A group", "How many people");
		await().atMost(PATIENCE).until(() -> telegram.calls("answercallbackquery").stream()
			.anyMatch(call -> callbackId.equals(call.path("callback_query_id").asString())));
		chat.type("8", "Where are you?");
		chat.press("Scotland", "town, city or area");
		chat.type("Dundee", "Question 1 of 6");
		chat.press("Yes", "Why?");
		chat.type("Because we are trusted locally", "Question 2 of 6");
		chat.type("Meet in person", "Question 3 of 6");
		chat.type("Funding cuts", "Question 4 of 6");
		chat.type("Publish the minutes", "Question 5 of 6");
		chat.type("Peer networks", "Question 6 of 6");
		chat.type("Three year grants", "anything else");
		chat.type("No", "published");
		chat.press("Yes please", "Thank you");

		String participant = participant(chat.lastUpdateId);
		List<Map<String, Object>> rows = jdbc.sql("SELECT question_id, choice, text, source, represented_count, nation "
				+ "FROM contributions WHERE participant_id = ? AND superseded_at IS NULL ORDER BY question_id")
			.param(participant)
			.query()
			.listOfRows();
		assertThat(rows).extracting(row -> row.get("question_id")).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("source")).isEqualTo("telegram");
			assertThat(row.get("represented_count")).isEqualTo(8);
			assertThat(row.get("nation")).isEqualTo("scotland");
		});
		assertThat(rows.get(0)).containsEntry("choice", "yes").containsEntry("text", "Because we are trusted locally");
		// Every button press was answered, so no button kept spinning.
		assertThat(telegram.calls("answercallbackquery").stream().map(call -> call.path("callback_query_id").asString()))
			.containsAll(chat.callbackIds);
	}

	@Test
	void aGroupChatIsOneParticipantWhoeverInItWrites() {
		Chat group = new Chat(-newChatId(), "group");
		group.type("Hello", "Reply YES");
		group.from = 424242L;
		group.type("yes", "Are you answering for");
		group.from = 535353L;
		group.press("A group", "How many people");
		assertThat(jdbc.sql("SELECT count(DISTINCT participant_id) FROM inbound_messages WHERE channel = 'telegram' "
				+ "AND provider_message_id IN (" + String.join(",", group.updateIds.stream().map(id -> "'" + id + "'")
					.toList()) + ")").query(Long.class).single()).isEqualTo(1);
		assertThat(telegram.textsTo(Long.toString(group.chatId))).isNotEmpty();
	}

	@Test
	void aDeepLinkHandsItsPayloadToTheConversation() {
		Chat chat = new Chat(newChatId(), "private");
		chat.type("/start EVENT42", "Reply YES");
		assertThat(jdbc.sql("SELECT body FROM inbound_messages WHERE channel = 'telegram' AND provider_message_id = ?")
			.param(Integer.toString(chat.lastUpdateId)).query(String.class).single()).isEqualTo("EVENT42");
		assertThat(TelegramUpdates.text("/start@CovenantVoicesBot JOIN7")).isEqualTo("JOIN7");
		assertThat(TelegramUpdates.text("/start")).isEqualTo("/start");
		assertThat(TelegramUpdates.text("/starting")).isEqualTo("/starting");
	}

	@Test
	void theSameUpdateDeliveredFiveTimesAtOnceHasOneEffect() throws Exception {
		Chat chat = new Chat(newChatId(), "private");
		chat.type("hi", "Reply YES");
		int before = telegram.textsTo(chat.id()).size();
		String update = chat.message("yes");
		ExecutorService pool = Executors.newFixedThreadPool(5);
		try {
			List<Callable<Integer>> deliveries = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				deliveries.add(() -> post(update, TELEGRAM_SECRET).status());
			}
			for (Future<Integer> status : pool.invokeAll(deliveries)) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		await().atMost(PATIENCE).until(() -> telegram.textsTo(chat.id()).size() > before);
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
		List<String> after = telegram.textsTo(chat.id());
		assertThat(after.subList(before, after.size())).singleElement().asString().contains("Are you answering for");
		assertThat(jdbc.sql("SELECT count(*) FROM consent_records WHERE participant_id = ?")
			.param(participant(chat.lastUpdateId)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void someoneWhoBlockedTheBotIsStoppedAndGetsNothingMore() {
		Chat chat = new Chat(newChatId(), "private");
		telegram.answerFor(chat.id(), TelegramFake.error(403, "Forbidden: bot was blocked by the user", null));
		post(chat.message("hello"), TELEGRAM_SECRET);
		String participant = participant(chat.lastUpdateId);
		await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT status FROM participants WHERE id = ?")
			.param(participant).query(String.class).single().equals("stopped"));
		await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM outbound_messages WHERE participant_id = ? "
				+ "AND status IN ('queued', 'sending')").param(participant).query(Long.class).single() == 0);
		assertThat(telegram.sendsTo(chat.id())).hasSize(1);
		post(chat.message("yes"), TELEGRAM_SECRET);
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(telegram.sendsTo(chat.id())).hasSize(1);
	}

	@Test
	void tooManyRequestsIsHonouredAndEachMessageArrivesOnce() {
		Chat chat = new Chat(newChatId(), "private");
		StubMapping slowDown = telegram.answerFor(chat.id(),
				TelegramFake.error(429, "Too Many Requests: retry after 1", "{\"retry_after\": 1}"));
		post(chat.message("hello"), TELEGRAM_SECRET);
		await().atMost(PATIENCE).until(() -> telegram.sendsTo(chat.id()).size() >= 2);
		telegram.remove(slowDown);
		await().atMost(PATIENCE).until(() -> telegram.textsTo(chat.id()).size() >= 2);
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
		List<String> texts = telegram.textsTo(chat.id());
		assertThat(texts).hasSize(2);
		assertThat(texts.get(0)).contains("Covenant Voices");
		assertThat(texts.get(1)).contains("Reply YES");
	}

	@Test
	void badInputIsRefusedWithAReasonAndNothingIsRecorded() {
		Chat chat = new Chat(newChatId(), "private");
		String update = chat.message("hello");
		long before = inboundCount();

		assertThat(post(update, null).status()).isEqualTo(403);
		assertThat(post(update, "wrong-secret").status()).isEqualTo(403);
		assertThat(post(update, TELEGRAM_SECRET + "x").status()).isEqualTo(403);
		Client.Response form = client.post(PATH, "application/x-www-form-urlencoded", "update_id=1",
				Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET));
		assertThat(form.status()).isEqualTo(415);
		Client.Response empty = client.post(PATH, "application/json", "",
				Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET));
		assertThat(empty.status()).isEqualTo(400);
		Client.Response malformed = post("{\"update_id\": 1, \"message\": {", TELEGRAM_SECRET);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(post("[1, 2, 3]", TELEGRAM_SECRET).status()).isEqualTo(400);
		assertThat(post("\"text\"", TELEGRAM_SECRET).status()).isEqualTo(400);
		Client.Response missing = post("{\"message\": {\"message_id\": 1, \"date\": 1, \"chat\": {\"id\": 5, "
				+ "\"type\": \"private\"}, \"text\": \"hi\"}}", TELEGRAM_SECRET);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("update_id");
		Client.Response oversized = post("{\"update_id\": 1, \"message\": {\"text\": \"" + "a".repeat(70_000) + "\"}}",
				TELEGRAM_SECRET);
		assertThat(oversized.status()).isEqualTo(400);
		assertThat(post("{\"update_id\": \"not a number\"}", TELEGRAM_SECRET).status()).isEqualTo(400);
		for (Client.Response response : List.of(form, empty, malformed, missing, oversized)) {
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		}
		// Updates without text (a photo, a sticker) are acknowledged and ignored.
		assertThat(post("{\"update_id\": " + updateIds.incrementAndGet() + ", \"message\": {\"message_id\": 1, "
				+ "\"date\": 1, \"chat\": {\"id\": " + chat.chatId + ", \"type\": \"private\"}, \"sticker\": {}}}",
				TELEGRAM_SECRET).status()).isEqualTo(200);
		assertThat(inboundCount()).isEqualTo(before);
		assertThat(telegram.sendsTo(chat.id())).isEmpty();
	}

	@Test
	void aWelshSpeakerTakesPartInWelshWithWelshButtonsThenStopsAndIsForgotten() {
		Chat chat = new Chat(newChatId(), "private");
		chat.type("/start", "Tecstiwch CYMRAEG am Gymraeg");
		chat.type("Cymraeg", "Atebwch IE i ddechrau");
		chat.press("Ie", "Ydych chi'n ateb ar ran");
		JsonNode question = telegram.messagesTo(chat.id()).get(telegram.messagesTo(chat.id()).size() - 1);
		List<String> labels = new ArrayList<>();
		question.get("reply_markup").get("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.get("text")
			.asString())));
		assertThat(labels).containsExactly("Fi fy hun", "Grŵp", "Sefydliad");
		chat.press("Fi fy hun", "Ble ydych chi?");
		chat.press("Cymru", "Pa dref");
		chat.type("Bangor", "Cwestiwn 1 o 6");
		chat.press("Ddim yn siŵr", "Pam?");
		chat.type("Mae angen mwy o sylw i'r Gymraeg", "Cwestiwn 2 o 6");
		chat.type("Cyfarfodydd wyneb yn wyneb", "Cwestiwn 3 o 6");
		chat.type("Gormod o waith papur", "Cwestiwn 4 o 6");
		chat.type("Adroddiad bob blwyddyn", "Cwestiwn 5 o 6");
		chat.type("Rhwydweithiau lleol", "Cwestiwn 6 o 6");
		chat.type("Grantiau tair blynedd", "unrhyw beth arall");
		chat.type("na", "Cyfamod yn cael ei gyhoeddi");
		chat.press("Ie plis", "Diolch!");
		String participant = participant(chat.lastUpdateId);
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ? AND language = 'cy' "
				+ "AND source = 'telegram' AND superseded_at IS NULL").param(participant).query(Long.class).single())
			.isEqualTo(6);

		chat.type("STOPIO", "Fyddwch chi ddim yn cael mwy o negeseuon");
		chat.type("DECHRAU", "Croeso nôl");
		chat.type("ANGHOFIO", "Atebwch IE i ddileu");
		chat.type("ie", "Wedi'i wneud");
		await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM contact_addresses WHERE participant_id = ?")
			.param(participant).query(Long.class).single() == 0);
		assertThat(jdbc.sql("SELECT status FROM participants WHERE id = ?").param(participant).query(String.class)
			.single()).isEqualTo("erased");
	}

	// --- helpers ---

	static long newChatId() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
	}

	Client.Response post(String body, String secret) {
		return client.post(PATH, "application/json", body,
				secret == null ? Map.of() : Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
	}

	long inboundCount() {
		return jdbc.sql("SELECT count(*) FROM inbound_messages").query(Long.class).single();
	}

	String participant(int updateId) {
		return jdbc.sql("SELECT participant_id FROM inbound_messages WHERE channel = 'telegram' "
				+ "AND provider_message_id = ?").param(Integer.toString(updateId)).query(String.class).single();
	}

	/** A Telegram chat talking to the bot through the webhook. */
	final class Chat {

		final long chatId;

		final String type;

		long from;

		int lastUpdateId;

		final List<Integer> updateIds = new ArrayList<>();

		final List<String> callbackIds = new ArrayList<>();

		Chat(long chatId, String type) {
			this.chatId = chatId;
			this.type = type;
			this.from = Math.abs(chatId);
		}

		String id() {
			return Long.toString(chatId);
		}

		String message(String text) {
			int id = next();
			return "{\"update_id\": " + id + ", \"message\": {\"message_id\": " + id + ", \"date\": 1700000000, "
					+ "\"from\": {\"id\": " + from + ", \"is_bot\": false, \"first_name\": \"Sam\"}, "
					+ "\"chat\": {\"id\": " + chatId + ", \"type\": \"" + type + "\"}, \"text\": "
					+ Client.JSON.writeValueAsString(text) + "}}";
		}

		private int next() {
			int id = TelegramWebhookTests.updateIds.incrementAndGet();
			lastUpdateId = id;
			updateIds.add(id);
			return id;
		}

		/** Types a message; waits for a reply containing {@code expected}; returns the replies since. */
		List<JsonNode> type(String text, String expected) {
			return send(message(text), expected);
		}

		/** Presses a button of the latest message that has it; returns the callback query's id. */
		String press(String label, String expected) {
			List<JsonNode> messages = telegram.messagesTo(id());
			String data = null;
			for (int i = messages.size() - 1; i >= 0 && data == null; i--) {
				JsonNode markup = messages.get(i).path("reply_markup").path("inline_keyboard");
				for (JsonNode row : markup) {
					for (JsonNode button : row) {
						if (label.equals(button.get("text").asString())) {
							data = button.get("callback_data").asString();
						}
					}
				}
			}
			assertThat(data).as("a button labelled %s", label).isNotNull();
			String callbackId = "cb" + next();
			callbackIds.add(callbackId);
			String update = "{\"update_id\": " + lastUpdateId + ", \"callback_query\": {\"id\": \"" + callbackId + "\", "
					+ "\"from\": {\"id\": " + from + ", \"is_bot\": false, \"first_name\": \"Sam\"}, "
					+ "\"chat_instance\": \"ci\", \"data\": " + Client.JSON.writeValueAsString(data) + ", "
					+ "\"message\": {\"message_id\": 7, \"date\": 1700000000, \"chat\": {\"id\": " + chatId
					+ ", \"type\": \"" + type + "\"}, \"text\": \"question\"}}}";
			send(update, expected);
			return callbackId;
		}

		private List<JsonNode> send(String update, String expected) {
			int before = telegram.messagesTo(id()).size();
			assertThat(post(update, TELEGRAM_SECRET).status()).isEqualTo(200);
			await().atMost(PATIENCE)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> telegram.textsTo(id()).stream().skip(before).anyMatch(t -> t.contains(expected)));
			List<JsonNode> messages = telegram.messagesTo(id());
			return messages.subList(before, messages.size());
		}
	}
}
