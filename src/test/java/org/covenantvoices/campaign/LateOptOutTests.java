package org.covenantvoices.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.covenantvoices.support.TestClock;
import org.covenantvoices.support.TwilioFake;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Someone who says STOP after a campaign was confirmed, but before their turn, gets nothing from it. */
class LateOptOutTests extends CampaignTest {

	@Test
	void stopAfterConfirmationBeforeTheirTurnMeansNoReminder() {
		Person first = person("en");
		Person second = person("en");
		Person third = person("en");
		TestClock.INSTANCE.set(QuietHoursTests.london(2026, 12, 3, 10, 0, 0));
		Campaign campaign = confirmed(updatesAtThisEvent(), messages(), Duration.ofMinutes(30));
		await().atMost(Duration.ofSeconds(30)).until(() -> texts(first).size() == 1);

		Person last = position(campaign.id(), 2, List.of(first, second, third));
		sms(last.number(), "STOP");
		await().atMost(Duration.ofSeconds(30)).until(() -> texts(last).size() == 1);
		assertThat(texts(last).get(0)).doesNotContain("answered");

		TestClock.INSTANCE.set(QuietHoursTests.london(2026, 12, 3, 10, 40, 0));
		awaitStatus(campaign.id(), CampaignStatus.FINISHED);
		await().atMost(Duration.ofSeconds(30)).until(() -> campaigns.results(campaign.id()).sent() == 2);
		QuietHoursTests.pause(Duration.ofSeconds(1));
		assertThat(texts(last)).hasSize(1).noneMatch(text -> text.contains("answered"));
		CampaignResults results = campaigns.results(campaign.id());
		assertThat(results.targeted()).isEqualTo(3);
		assertThat(results.skippedReasons()).containsEntry("stopped", 1L);
	}

	private Person position(long campaign, int position, List<Person> people) {
		String id = jdbc.sql("SELECT participant_id FROM campaign_recipients WHERE campaign_id = ? AND position = ?")
			.params(campaign, position)
			.query(String.class)
			.single();
		return people.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
	}

	private void sms(String from, String body) {
		Map<String, String> params = Map.of("MessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""),
				"AccountSid", ACCOUNT_SID, "From", from, "To", TWILIO_FROM, "Body", body);
		assertThat(client.post("/webhooks/twilio/sms", "application/x-www-form-urlencoded", form(params),
				Map.of("X-Twilio-Signature", TwilioFake.signature(AUTH_TOKEN, PUBLIC_BASE_URL + "/webhooks/twilio/sms",
						params))).status()).isEqualTo(200);
	}
}
