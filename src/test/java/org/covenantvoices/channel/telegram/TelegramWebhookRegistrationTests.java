package org.covenantvoices.channel.telegram;

import java.time.Duration;

import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Instance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With TELEGRAM_REGISTER_WEBHOOK, start-up tells Telegram the webhook's address and secret. */
class TelegramWebhookRegistrationTests extends ChannelTest {

	@Test
	void startUpRegistersTheWebhookWithItsSecretAndTheUpdatesItReads() {
		int before = telegram.calls("setwebhook").size();
		try (Instance instance = Instance.start(instanceOverrides("covenant.telegram.register-webhook=true"))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> telegram.calls("setwebhook").size() > before);
			// Sent as a multipart form, as the library does for setWebhook.
			String call = telegram.calls("setwebhook").get(before).get("_raw").asString();
			assertThat(call).contains("name=\"url\"").contains(PUBLIC_BASE_URL + "/webhooks/telegram")
				.contains("name=\"secret_token\"").contains(TELEGRAM_SECRET)
				.contains("name=\"allowed_updates\"").contains("callback_query");
		}
	}
}
