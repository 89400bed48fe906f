package org.covenantvoices.channel.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import okhttp3.OkHttpClient;
import org.covenantvoices.channel.courier.SendOutcome;
import org.covenantvoices.conversation.OutboundMessage;
import org.covenantvoices.conversation.ReplyOption;
import org.covenantvoices.participant.ParticipantStatus;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.ProviderFakes;
import org.covenantvoices.support.TelegramFake;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The library's real calls, against the fake: Telegram's answers typed, and its limits kept. */
class TelegramSenderTests {

	private final TelegramFake fake = new TelegramFake(ProviderFakes.server());

	private TelegramSender sender(Duration timeout) {
		OkHttpClient http = new OkHttpClient.Builder().readTimeout(timeout).retryOnConnectionFailure(false).build();
		return new TelegramSender(new OkHttpTelegramClient(TelegramUpdates.JSON, http, ChannelTest.BOT_TOKEN,
				TelegramConfiguration.url(ProviderFakes.baseUrl())));
	}

	private static OutboundMessage message(String text, List<ReplyOption> options) {
		return new OutboundMessage(1, "p1", "telegram", "reply", text, options, 0, ParticipantStatus.ACTIVE,
				Instant.now());
	}

	private static String chat() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
	}

	@Test
	void answersAreTyped() {
		fake.acceptEverything();
		TelegramSender sender = sender(Duration.ofSeconds(10));
		String blocked = chat();
		fake.answerFor(blocked, TelegramFake.error(403, "Forbidden: bot was blocked by the user", null));
		assertThat(sender.send(message("Hi", List.of()), blocked)).isInstanceOf(SendOutcome.OptedOut.class);

		String limited = chat();
		fake.answerFor(limited, TelegramFake.error(429, "Too Many Requests: retry after 3", "{\"retry_after\": 3}"));
		SendOutcome retry = sender.send(message("Hi", List.of()), limited);
		assertThat(retry).isInstanceOf(SendOutcome.Retry.class);
		assertThat(((SendOutcome.Retry) retry).retryAfter()).isEqualTo(Duration.ofSeconds(3));

		String broken = chat();
		fake.answerFor(broken, TelegramFake.error(502, "Bad Gateway", null));
		assertThat(sender.send(message("Hi", List.of()), broken)).isInstanceOf(SendOutcome.Retry.class);

		String missing = chat();
		fake.answerFor(missing, TelegramFake.error(400, "Bad Request: chat not found", null));
		assertThat(sender.send(message("Hi", List.of()), missing)).isInstanceOf(SendOutcome.Rejected.class);

		String slow = chat();
		fake.answerFor(slow, TelegramFake.ok("{\"message_id\": 1, \"date\": 1, \"chat\": {\"id\": " + slow
				+ ", \"type\": \"private\"}}").withFixedDelay(3_000));
		assertThat(sender(Duration.ofMillis(500)).send(message("Hi", List.of()), slow))
			.isInstanceOf(SendOutcome.Unknown.class);
	}

	@Test
	void longTextsAreCutToTelegramsLimitAndOversizedButtonsAreLeftOut() {
		fake.acceptEverything();
		String chat = chat();
		SendOutcome sent = sender(Duration.ofSeconds(10)).send(message("a".repeat(5000),
				List.of(new ReplyOption("Yes", "YES"), new ReplyOption("No", "NO"))), chat);
		assertThat(sent).isInstanceOf(SendOutcome.Sent.class);
		assertThat(((SendOutcome.Sent) sent).providerMessageId()).startsWith(chat + ":");
		var call = fake.sendsTo(chat).get(0);
		assertThat(call.get("text").asString()).hasSize(4096).endsWith("…");
		assertThat(call.get("reply_markup").get("inline_keyboard").get(0)).hasSize(2);

		assertThat(TelegramSender.keyboard(List.of(new ReplyOption("Long", "ŵ".repeat(40))))).isNull();
		assertThat(TelegramSender.keyboard(List.of())).isNull();
	}
}
