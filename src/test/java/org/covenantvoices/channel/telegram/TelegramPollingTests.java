package org.covenantvoices.channel.telegram;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.ProviderFakes;
import org.covenantvoices.support.TelegramFake;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long polling, for a deployment Telegram cannot reach: updates take the same path as the webhook's. */
class TelegramPollingTests extends ChannelTest {

	@Test
	void updatesFetchedByLongPollingAreStoredConfirmedAndAnswered() {
		WireMockServer server = ProviderFakes.server();
		long chatId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
		int updateId = ThreadLocalRandom.current().nextInt(1_000_000, 900_000_000);
		String scenario = "polling " + updateId;
		server.stubFor(telegram.method("getupdates").atPriority(1)
			.inScenario(scenario)
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("delivered")
			.willReturn(TelegramFake.ok("[{\"update_id\": " + updateId + ", \"message\": {\"message_id\": 1, "
					+ "\"date\": 1700000000, \"chat\": {\"id\": " + chatId + ", \"type\": \"private\"}, "
					+ "\"text\": \"/start\"}}]")));
		// Afterwards, nothing new: answer as a long poll would, after a pause.
		server.stubFor(telegram.method("getupdates").atPriority(1)
			.inScenario(scenario)
			.whenScenarioStateIs("delivered")
			.willReturn(TelegramFake.ok("[]").withFixedDelay(300)));

		try (Instance polling = Instance.start(instanceOverrides("covenant.telegram.mode=polling",
				"covenant.telegram.poll-timeout-seconds=1"))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> telegram.textsTo(Long.toString(chatId)).size() >= 2);
			assertThat(telegram.textsTo(Long.toString(chatId)).get(0)).contains("Covenant Voices");
			assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages WHERE channel = 'telegram' "
					+ "AND provider_message_id = ?").param(Integer.toString(updateId)).query(Long.class).single())
				.isEqualTo(1);
			// The next fetch confirms the update to Telegram by asking for the ones after it.
			await().atMost(Duration.ofSeconds(10)).until(() -> telegram.calls("getupdates").stream()
				.anyMatch(call -> call.path("offset").asInt() == updateId + 1));
			assertThat(telegram.calls("deletewebhook")).isNotEmpty();
			// In polling mode the webhook is not used.
			assertThat(polling.client.post("/webhooks/telegram", "application/json", "{}",
					java.util.Map.of("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)).status()).isEqualTo(404);
		}
		finally {
			server.removeStub(server.getStubMappings().stream()
				.filter(stub -> scenario.equals(stub.getScenarioName()) && "delivered".equals(stub.getRequiredScenarioState()))
				.findFirst()
				.orElseThrow());
		}
	}
}
