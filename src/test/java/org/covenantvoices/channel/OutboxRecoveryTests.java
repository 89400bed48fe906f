package org.covenantvoices.channel;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.covenantvoices.support.ChannelTest;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance that dies mid-send leaves messages claimed. Those it never handed to the provider go out after all;
 * one it had handed over is never sent again, since it may already be on the person's phone.
 */
class OutboxRecoveryTests extends ChannelTest {

	@Test
	void aCrashBetweenHandingOverAndRecordingNeverSendsTwiceAndUnsentMessagesGoOut() {
		String number = newNumber();
		String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
		Map<String, String> hello = Map.of("MessageSid", sid, "AccountSid", ACCOUNT_SID, "From", number, "To",
				TWILIO_FROM, "Body", "Hi");
		assertThat(client.post("/webhooks/twilio/sms", "application/x-www-form-urlencoded", form(hello),
				Map.of("X-Twilio-Signature", TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + "/webhooks/twilio/sms",
						hello))).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> twilio.textsTo(number).size() >= 2);
		String participant = jdbc.sql("SELECT participant_id FROM inbound_messages WHERE provider_message_id = ?")
			.param(sid).query(String.class).single();

		// What a dead instance leaves behind: one message handed to Twilio with no answer recorded, one claimed only.
		long handed = insert(participant, "sending", true, "Handed over, then the instance died");
		long claimed = insert(participant, "sending", false, "Claimed, then the instance died");

		await().atMost(Duration.ofSeconds(30)).until(() -> status(claimed).equals("sent"));
		assertThat(status(handed)).isEqualTo("failed");
		assertThat(jdbc.sql("SELECT error_code FROM outbound_messages WHERE id = ?").param(handed).query(String.class)
			.single()).isEqualTo("outcome-unknown");
		assertThat(twilio.textsTo(number)).contains("Claimed, then the instance died")
			.doesNotContain("Handed over, then the instance died");
		assertThat(twilio.textsTo(number).stream().filter("Claimed, then the instance died"::equals)).hasSize(1);
	}

	private long insert(String participant, String status, boolean handed, String body) {
		return jdbc.sql("INSERT INTO outbound_messages (participant_id, channel, body, status, handed_at, attempts, "
				+ "updated_at) VALUES (?, 'sms', ?, ?, " + (handed ? "now() - interval '10 minutes'" : "NULL") + ", "
				+ (handed ? 1 : 0) + ", now() - interval '10 minutes') RETURNING id")
			.params(participant, body, status)
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM outbound_messages WHERE id = ?").param(id).query(String.class).single();
	}
}
