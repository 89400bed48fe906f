package org.covenantvoices.campaign;

import java.time.Duration;
import java.util.List;

import org.covenantvoices.support.Client;
import org.covenantvoices.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An organiser runs a campaign through the API; an analyst reads how it went; every change is audited. */
class CampaignsApiTests extends CampaignTest {

	@Test
	void anOrganiserPreviewsCreatesDryRunsConfirmsPausesResumesAndCancelsAndAnAnalystReadsResults() {
		String organiser = user("campaign-organiser", "ORGANISER");
		String analyst = user("campaign-analyst", "ANALYST");
		List<Person> people = List.of(person("en"), person("cy"), person("en"));
		TestClock.INSTANCE.set(QuietHoursTests.london(2026, 12, 7, 10, 0, 0));
		String body = """
				{"name": "Closes Friday %s",
				 "audience": {"updatesOptIn": true, "eventCode": "%s"},
				 "messages": {"en": "The consultation closes on Friday. You've answered {answered} of {questions}.",
				              "cy": "Mae'r ymgynghoriad yn cau ddydd Gwener. Rydych wedi ateb {answered} o {questions}."},
				 "spreadMinutes": 60}""".formatted(eventCode, eventCode);

		Client.Response preview = post("/api/campaigns/preview", organiser, body);
		assertThat(preview.status()).isEqualTo(200);
		JsonNode json = preview.json();
		assertThat(json.get("recipients").asInt()).isEqualTo(3);
		assertThat(json.get("languages").get(0).get("sample").asString())
			.isEqualTo("The consultation closes on Friday. You've answered 3 of 6.");
		assertThat(json.get("languages").get(0).get("encoding").asString()).isEqualTo("GSM_7");
		assertThat(json.get("languages").get(0).get("segments").asInt()).isEqualTo(1);
		assertThat(json.get("languages").get(0).get("recipientsByChannel").get("sms").asInt()).isEqualTo(2);
		assertThat(json.get("languages").get(1).get("recipientsByChannel").get("sms").asInt()).isEqualTo(1);
		assertThat(json.get("estimatedSegments").asInt()).isEqualTo(3);

		Client.Response created = post("/api/campaigns", organiser, body);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		this.created.add(id);
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(post("/api/campaigns/" + id + "/dry-run", organiser, "").json().get("recipients").asInt())
			.isEqualTo(3);
		assertThat(post("/api/campaigns/" + id + "/confirm", organiser, "").json().get("status").asString())
			.isEqualTo("SCHEDULED");
		await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo(people).size() == 1);

		assertThat(post("/api/campaigns/" + id + "/pause", organiser, "").json().get("status").asString())
			.isEqualTo("PAUSED");
		TestClock.INSTANCE.set(QuietHoursTests.london(2026, 12, 7, 11, 30, 0));
		QuietHoursTests.pause(Duration.ofSeconds(2));
		assertThat(sendsTo(people)).hasSize(1);
		assertThat(post("/api/campaigns/" + id + "/resume", organiser, "").json().get("status").asString())
			.isEqualTo("RUNNING");
		await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo(people).size() == 3);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> client.get("/api/campaigns/" + id + "/results", analyst, password(analyst)).json()
				.get("sent").asInt() == 3);
		Client.Response results = client.get("/api/campaigns/" + id + "/results", analyst, password(analyst));
		assertThat(results.status()).isEqualTo(200);
		assertThat(results.json().get("targeted").asInt()).isEqualTo(3);
		assertThat(client.get("/api/campaigns/" + id, analyst, password(analyst)).status()).isEqualTo(403);
		assertThat(post("/api/campaigns/" + id + "/cancel", analyst, "").status()).isEqualTo(403);
		assertThat(post("/api/campaigns/" + id + "/cancel", organiser, "").status()).isEqualTo(400);

		assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject = ? ORDER BY id")
			.param(Long.toString(id)).query(String.class).list())
			.containsExactly("campaign.created", "campaign.confirmed", "campaign.paused", "campaign.resumed");
	}

	@Test
	void badRequestsGetAReasonAndACancelledCampaignSendsNothingMore() {
		String organiser = user("campaign-organiser", "ORGANISER");
		Client.Response noWelsh = post("/api/campaigns", organiser,
				"{\"name\": \"x\", \"audience\": {\"updatesOptIn\": true}, \"messages\": {\"en\": \"Hi {name}\"}}");
		assertThat(noWelsh.status()).isEqualTo(400);
		assertThat(noWelsh.body()).contains("Welsh message").contains("unknown field {name}");
		Client.Response noAudience = post("/api/campaigns", organiser,
				"{\"name\": \"x\", \"audience\": {}, \"messages\": {\"en\": \"Hi\", \"cy\": \"Helo\"}}");
		assertThat(noAudience.status()).isEqualTo(400);
		assertThat(noAudience.body()).contains("Choose an audience");
		Client.Response noConsent = post("/api/campaigns", organiser, "{\"name\": \"x\", \"audience\": "
				+ "{\"invitations\": [{\"number\": \"07700 900123\"}]}, \"messages\": {\"en\": \"Hi\", \"cy\": \"Helo\"}}");
		assertThat(noConsent.status()).isEqualTo(400);
		assertThat(noConsent.body()).contains("consent basis");
		assertThat(post("/api/campaigns", organiser, "not json").status()).isEqualTo(400);
		assertThat(post("/api/campaigns/999999/confirm", organiser, "").status()).isEqualTo(404);

		List<Person> people = List.of(person("en"), person("en"), person("en"), person("en"));
		TestClock.INSTANCE.set(QuietHoursTests.london(2026, 12, 8, 10, 0, 0));
		Campaign campaign = confirmed(updatesAtThisEvent(), messages(), Duration.ofMinutes(10));
		await().atMost(Duration.ofSeconds(30)).until(() -> sendsTo(people).size() == 1);
		assertThat(post("/api/campaigns/" + campaign.id() + "/cancel", organiser, "").json().get("status").asString())
			.isEqualTo("CANCELLED");
		TestClock.INSTANCE.set(QuietHoursTests.london(2026, 12, 8, 11, 0, 0));
		QuietHoursTests.pause(Duration.ofSeconds(2));
		assertThat(sendsTo(people)).hasSize(1);
		CampaignResults results = campaigns.results(campaign.id());
		assertThat(results.skippedReasons()).containsEntry("cancelled", 3L);
	}

	private Client.Response post(String path, String user, String body) {
		return client.postAs(path, user, password(user), "application/json", body);
	}
}
