package org.covenantvoices.channel;

import java.util.Map;

import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.Instance;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel without credentials is off and says so; the unsigned-webhook switch works only in local mode. */
class ChannelSettingsTests extends IntegrationTest {

	@Test
	void channelsWithoutCredentialsAreOffAndSayWhatTheyNeed() {
		long before = jdbc.sql("SELECT count(*) FROM inbound_messages").query(Long.class).single();
		Client.Response sms = client.post("/webhooks/twilio/sms", "application/x-www-form-urlencoded",
				"MessageSid=SM1&From=%2B447700900123&Body=Hi");
		assertThat(sms.status()).isEqualTo(404);
		assertThat(sms.body()).contains("TWILIO_AUTH_TOKEN");
		Client.Response telegram = client.post("/webhooks/telegram", "application/json", "{\"update_id\": 1}");
		assertThat(telegram.status()).isEqualTo(404);
		assertThat(telegram.body()).contains("TELEGRAM_BOT_TOKEN");
		assertThat(client.get("/actuator/health", null, null).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM inbound_messages").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void unsignedWebhooksStayRefusedOutsideLocalModeAndATelegramWebhookNeedsItsSecret() {
		try (Instance instance = Instance.start(ChannelTest.instanceOverrides("covenant.twilio.allow-unsigned=true",
				"covenant.telegram.webhook-secret="))) {
			Client.Response unsigned = instance.client.post("/webhooks/twilio/sms", "application/x-www-form-urlencoded",
					"MessageSid=SM2&From=%2B447700900123&Body=Hi");
			assertThat(unsigned.status()).isEqualTo(403);
			Client.Response noSecret = instance.client.post("/webhooks/telegram", "application/json",
					"{\"update_id\": 1}", Map.of("X-Telegram-Bot-Api-Secret-Token", ""));
			assertThat(noSecret.status()).isEqualTo(503);
			assertThat(noSecret.body()).contains("TELEGRAM_WEBHOOK_SECRET");
		}
	}
}
