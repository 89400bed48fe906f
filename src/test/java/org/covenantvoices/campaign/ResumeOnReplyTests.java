package org.covenantvoices.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.covenantvoices.support.TestClock;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Someone who stopped at question 2 gets a reminder, replies, and carries on at question 2 of their conversation. */
class ResumeOnReplyTests extends CampaignTest {

	@Test
	void aReplyToAReminderContinuesTheConversationWhereThePersonWas() {
		String number = newNumber();
		say(number, "Hello", "Reply YES");
		say(number, "yes", "Are you answering for");
		say(number, "2", "How many people");
		say(number, "12", "Where are you?");
		say(number, "Wales", "town, city or area");
		say(number, "Cardiff", "Question 1 of 6");
		say(number, "Not sure", "Why?");
		say(number, "Recognition matters but money is missing", "Question 2 of 6");
		String participant = participants.findByAddress("sms", number).orElseThrow();
		// As if they had joined with this test's event code, so the campaign reaches only them.
		jdbc.sql("UPDATE contributions SET event_code = ? WHERE participant_id = ?").params(eventCode, participant)
			.update();

		TestClock.INSTANCE.set(java.time.Instant.now().atZone(java.time.ZoneId.of("Europe/London")).withHour(12)
			.toInstant());
		Audience stuckAtQ2 = new Audience(true, 0, "q2", false, List.of(), eventCode, null, null, List.of("sms"),
				List.of(), false);
		Campaign campaign = confirmed(stuckAtQ2, messages(), null);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> twilio.textsTo(number).contains("You've answered 1 of 6. Reply to carry on."));

		say(number, "Regular meetings with the council", "Question 3 of 6");
		assertThat(jdbc.sql("SELECT text FROM contributions WHERE participant_id = ? AND question_id = 'Q2' "
				+ "AND superseded_at IS NULL").param(participant).query(String.class).single())
			.isEqualTo("Regular meetings with the council");
		await().atMost(Duration.ofSeconds(30)).until(() -> campaigns.results(campaign.id()).replied() == 1);
		CampaignResults results = campaigns.results(campaign.id());
		assertThat(results.targeted()).isEqualTo(1);
		assertThat(results.sent()).isEqualTo(1);
	}

	/** Sends an SMS and waits for a reply containing the expected words. */
	private void say(String from, String body, String expected) {
		int before = twilio.textsTo(from).size();
		Map<String, String> params = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
				"AccountSid", ACCOUNT_SID, "From", from, "To", TWILIO_FROM, "Body", body);
		assertThat(client.post("/webhooks/twilio/sms", "application/x-www-form-urlencoded", form(params),
				Map.of("X-Twilio-Signature", TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + "/webhooks/twilio/sms",
						params))).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<String> texts = twilio.textsTo(from);
			return texts.subList(before, texts.size()).stream().anyMatch(t -> t.contains(expected));
		});
	}
}
